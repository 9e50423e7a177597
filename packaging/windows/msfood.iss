; Inno Setup script for msfood (食安包保) on Windows 10/11 x64. Build on Windows, from the repository root:
;   py -3.11 -m venv build\package-venv
;   build\package-venv\Scripts\pip install .[package]
;   build\package-venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\msfood.spec
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\msfood.iss
; -> dist\msfood-setup-0.1.0.exe. See packaging\README.md (what the Linux build proves, what is untested).
;
; The installer copies the PyInstaller folder dist\msfood (msfood-app.exe, msfood.exe, _internal\) and makes
; the Start-menu entries. It never touches data: the database, its backups and the log live in the
; user's data folder (%LOCALAPPDATA%\msfood, from platformdirs), outputs in 文档 (Documents); uninstalling
; removes the program folder only, so a reinstall or an upgrade finds every record as it was.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define BundleDir "..\..\dist\msfood"

[Setup]
; Fixed for every version: Windows recognises an upgrade by it. Never change it.
AppId={{6E0F5C0B-3B8E-4C53-9D8E-2A1D7F6B9C41}
AppName=食安包保 msfood
AppVersion={#AppVersion}
AppVerName=食安包保 msfood {#AppVersion}
AppPublisher=msfood
DefaultDirName={autopf}\msfood
DefaultGroupName=食安包保
DisableProgramGroupPage=yes
; A clerk without administrator rights can install for himself (into %LOCALAPPDATA%\Programs).
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=..\..\resources\icons\msfood.ico
UninstallDisplayIcon={app}\msfood-app.exe
UninstallDisplayName=食安包保 msfood
OutputDir=..\..\dist
OutputBaseFilename=msfood-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An open msfood-app.exe holds its files: ask to close it rather than fail half-way.
CloseApplications=yes

[Languages]
; Inno Setup ships no Simplified Chinese: put the community ChineseSimplified.isl into its Languages\
; folder to have the wizard in Chinese (it is then the first, default language).
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\食安包保"; Filename: "{app}\msfood-app.exe"; WorkingDir: "{userdocs}"
; The command line: a console with msfood on its PATH, opened in Documents.
Name: "{group}\食安包保 命令行 (msfood)"; Filename: "{cmd}"; \
  Parameters: "/k ""set PATH={app};%PATH% && msfood --help"""; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,食安包保}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\食安包保"; Filename: "{app}\msfood-app.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\msfood-app.exe"; Description: "{cm:LaunchProgram,食安包保}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the user's data folder and documents are never removed by the uninstaller.
