from msfood.cli import main

raise SystemExit(main())
