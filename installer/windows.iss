; Inno Setup 6.3+ script: a per-user Windows installer for 在留申請 準備アシスタント.
;
; Build the one-folder application first (python dev.py build → dist\assistant\), then:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\windows.iss
; The installer is written to dist\zairyu-assistant-<version>-setup.exe.
; The version is read from dist\assistant\assistant.exe (set by build.spec from
; assistant.__version__); pass /DAppVersion=x.y.z to override it. See installer\README.md.
;
; Per user: no administrator rights, installed into %LOCALAPPDATA%\Programs\zairyu-assistant.
; Uninstalling removes that folder and the Start-menu entries; the office's cases
; (%LOCALAPPDATA%\zairyu-assistant) and the passwords in Windows Credential Manager are kept.
; This file is UTF-8 with a byte-order mark so Inno Setup 6.0-6.2 also read the Japanese text.

#define AppName "在留申請 準備アシスタント"
#define AppNameEn "Residence Application Assistant"
#define AppDirName "zairyu-assistant"
#define AppExe "assistant.exe"
#define DistDir "..\dist\assistant"
#ifndef AppVersion
  #define AppVersion GetVersionNumbersString(AddBackslash(SourcePath) + DistDir + "\" + AppExe)
#endif

[Setup]
; AppId identifies the application across versions (upgrades replace, uninstall finds it):
; never change it.
AppId={{0646689D-CC4F-436B-96DC-926E5653AECD}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=zairyu-assistant
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppDirName}
; The folder is always our own, so the uninstaller may remove all of it.
DisableDirPage=yes
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsedUserAreasWarning=no
OutputDir=..\dist
OutputBaseFilename={#AppDirName}-{#AppVersion}-setup
SetupIconFile=..\resources\icons\assistant.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Ask a running assistant to close before its files are replaced or removed.
CloseApplications=yes
RestartApplications=no
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ja.UserDataKept=アプリケーションを削除しました。%n%n案件などのデータは次のフォルダーに残っています（再インストールするとそのまま使えます）:%n%1%n%n不要な場合は、このフォルダーを削除してください。認証ID・パスワードは Windows の資格情報マネージャーに残っています。
en.UserDataKept=The application has been removed.%n%nYour cases and other data are kept in this folder (a new installation uses them again):%n%1%n%nDelete the folder if you no longer need it. The ID and password remain in Windows Credential Manager.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the libraries wholesale: nothing of the previous version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{#AppNameEn}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder (anything the application or Windows left in it); user data lives
; elsewhere and is kept.
Type: filesandordirs; Name: "{app}"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('UserDataKept'), [ExpandConstant('{localappdata}\{#AppDirName}')]),
      mbInformation, MB_OK);
end;
