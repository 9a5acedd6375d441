; Inno Setup script for MoU Drafter (Windows). Build the bundle first:
;   python packaging\build.py
; then compile this script with Inno Setup 6 (6.4.1 under Wine in packaging/windows_under_wine.py;
; the version preinstalled on GitHub's Windows runners in .github/workflows/windows.yml):
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\installer.iss
; The version, bundle folder and icon come from build\version.iss, which build.py writes from the
; package, so they cannot drift from it; its paths are relative to this folder.
; The file starts with a UTF-8 byte-order mark: Inno Setup reads the Vietnamese shortcut name as
; UTF-8 only then (6.3 and later also without it).
#include "build\version.iss"

[Setup]
AppId={{6F1B6E52-3C1D-4C55-9B9A-2D1A6E2B7F31}
AppName=MoU Drafter
AppVersion={#AppVersion}
AppPublisher=MoU Drafter developers
VersionInfoVersion={#AppVersion}
; per-user install, no administrator rights needed
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\MoU Drafter
DefaultGroupName=MoU Drafter
DisableProgramGroupPage=yes
OutputDir=dist
OutputBaseFilename=MoU-Drafter-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\MoU Drafter.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\MoU Drafter"; Filename: "{app}\MoU Drafter.exe"
Name: "{group}\Gỡ cài đặt MoU Drafter"; Filename: "{uninstallexe}"

[Registry]
; .moud drafts open in MoU Drafter (per user: HKCU\Software\Classes)
Root: HKCU; Subkey: "Software\Classes\.moud"; ValueType: string; ValueName: ""; ValueData: "MoUDrafter.Draft"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\MoUDrafter.Draft"; ValueType: string; ValueName: ""; ValueData: "MoU Drafter draft"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\MoUDrafter.Draft\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\MoU Drafter.exe,0"
Root: HKCU; Subkey: "Software\Classes\MoUDrafter.Draft\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\MoU Drafter.exe"" ""%1"""
; exported Word files (.docx) carry their draft: "Open with ▸ MoU Drafter" opens it. Word stays the
; default program for .docx; the installer only adds MoU Drafter to the file type's "Open with" list
Root: HKCU; Subkey: "Software\Classes\.docx\OpenWithProgids"; ValueType: string; ValueName: "MoUDrafter.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\MoUDrafter.Document"; ValueType: string; ValueName: ""; ValueData: "Word document with a MoU Drafter draft"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\MoUDrafter.Document\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\MoU Drafter.exe,0"
Root: HKCU; Subkey: "Software\Classes\MoUDrafter.Document\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\MoU Drafter.exe"" ""%1"""

[Run]
Filename: "{app}\MoU Drafter.exe"; Description: "Start MoU Drafter"; Flags: nowait postinstall skipifsilent
