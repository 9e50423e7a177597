"""督导提醒: each cadre's obligations not met, its content and its PDF."""
