<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ja_JP">
<context>
    <name>CredentialsPanel</name>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="51"/>
        <source>在留申請オンラインシステムのログイン情報</source>
        <translation>Login details for the ISA online system</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="54"/>
        <source>担当者:</source>
        <translation>Staff member:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="56"/>
        <source>認証ID:</source>
        <translation>Authentication ID:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="58"/>
        <source>パスワード:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="62"/>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="65"/>
        <source>登録・変更するときだけ入力</source>
        <translation>Only to register or change it</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="66"/>
        <source>新しい認証ID(&amp;I):</source>
        <translation>New authentication &amp;ID:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="67"/>
        <source>新しいパスワード(&amp;W):</source>
        <translation>New pass&amp;word:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="68"/>
        <source>安全に保存(&amp;S)</source>
        <translation>&amp;Save securely</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="73"/>
        <source>認証IDをコピー(&amp;D)</source>
        <translation>Copy I&amp;D</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="75"/>
        <source>パスワードをコピー(&amp;P)</source>
        <translation>Copy &amp;password</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="107"/>
        <source>保存済み</source>
        <translation>Stored</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="107"/>
        <source>未保存</source>
        <translation>Not stored</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="112"/>
        <source>保存済み（有効期限 {date}）</source>
        <translation>Stored (valid through {date})</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="129"/>
        <source>{what}をクリップボードにコピーしました。{seconds}秒後に消去します。</source>
        <translation>{what} copied to the clipboard. It will be cleared in {seconds} seconds.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="135"/>
        <source>認証ID</source>
        <translation>The authentication ID</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="142"/>
        <source>パスワード</source>
        <translation>The password</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="148"/>
        <source>クリップボードを消去しました。</source>
        <translation>The clipboard was cleared.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="155"/>
        <source>保存する認証IDかパスワードを入力してください。</source>
        <translation>Enter an authentication ID or a password to save.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/credentials_panel.py" line="167"/>
        <source>パソコンの安全な保管場所（OSのキーリング）に保存しました。</source>
        <translation>Saved in this computer&apos;s secure password store.</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <location filename="../../../assistant/ui/office/exception_dialog.py" line="27"/>
        <source>予期しないエラー</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/exception_dialog.py" line="30"/>
        <source>予期しないエラーが発生しました。エラーの記録を保存しました:
{path}
（パスワードなどの秘密情報は含まれません）</source>
        <translation>An unexpected error occurred. A report was saved:
{path}
(it contains no passwords or other secrets)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/exception_dialog.py" line="33"/>
        <source>予期しないエラーが発生しました。エラーの記録はファイルに保存できませんでした（ディスクの空きや権限を確認してください）。</source>
        <translation>An unexpected error occurred. The report could not be saved to a file (check free disk space and permissions).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/exception_dialog.py" line="38"/>
        <source>問題が続く場合は、下の記録をサポート担当者に送ってください。</source>
        <translation>If the problem continues, send the report below to your support contact.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/exception_dialog.py" line="46"/>
        <source>記録をコピー</source>
        <translation>Copy report</translation>
    </message>
</context>
<context>
    <name>OfficeAttachment</name>
    <message>
        <location filename="../../../assistant/ui/office/integration.py" line="54"/>
        <source>事務所(&amp;O)</source>
        <translation>&amp;Office</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/integration.py" line="55"/>
        <source>担当者とログイン情報(&amp;S)…</source>
        <translation>&amp;Staff and login details…</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <location filename="../../../assistant/ui/office/office_dialog.py" line="44"/>
        <source>事務所の担当者</source>
        <translation>Office staff</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/office_dialog.py" line="49"/>
        <source>担当者(&amp;T)（★ = 現在の担当者）</source>
        <translation>S&amp;taff (★ = current user)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/office_dialog.py" line="58"/>
        <source>追加(&amp;A)…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/office_dialog.py" line="60"/>
        <source>編集(&amp;E)…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/office_dialog.py" line="62"/>
        <source>現在の担当者にする(&amp;M)</source>
        <translation>&amp;Make current user</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/office_dialog.py" line="74"/>
        <source>担当者を追加してください。</source>
        <translation>Add a staff member.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/office_dialog.py" line="79"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/office_dialog.py" line="135"/>
        <source>保存できませんでした（{detail}）。入力内容はそのままです。</source>
        <translation>Could not save ({detail}). What you typed is kept.</translation>
    </message>
</context>
<context>
    <name>StaffProfileDialog</name>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="43"/>
        <source>担当者の利用者情報</source>
        <translation>Staff member&apos;s registration details</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="54"/>
        <source>本人</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="56"/>
        <source>氏名（全角）</source>
        <translation>Name (full-width)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="56"/>
        <source>例: 法務&#x3000;太郎</source>
        <translation>e.g. 法務&#x3000;太郎</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="58"/>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="64"/>
        <source>（未選択）</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="59"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="60"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="61"/>
        <source>性別</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="62"/>
        <source>生年月日</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="65"/>
        <source>行政書士</source>
        <translation>Gyoseishoshi</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="66"/>
        <source>弁護士</source>
        <translation>Lawyer</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="67"/>
        <source>区分</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="68"/>
        <source>メールアドレス</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="71"/>
        <source>事務所（申請書の取次者欄に入ります）</source>
        <translation>Office (goes into the application&apos;s agent block)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="73"/>
        <source>所属機関等（事務所名）</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="74"/>
        <source>郵便番号</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="75"/>
        <source>都道府県</source>
        <translation>Prefecture</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="75"/>
        <source>例: 東京都</source>
        <translation>e.g. 東京都</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="76"/>
        <source>市区町村</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="76"/>
        <source>例: 千代田区</source>
        <translation>e.g. 千代田区</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="77"/>
        <source>町名丁目番地号等</source>
        <translation>Street address</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="78"/>
        <source>電話番号</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="82"/>
        <source>届出済証明書とパスワード</source>
        <translation>Agent certificate and password</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="84"/>
        <source>申請等取次者証明書番号</source>
        <translation>Agent certificate number</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="85"/>
        <source>証明書の右上の12桁</source>
        <translation>12 digits at the certificate&apos;s top right</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="86"/>
        <source>届出済証明書の有効期限</source>
        <translation>Certificate expiry date</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="88"/>
        <source>パスワードを設定した日</source>
        <translation>Date the password was set</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/office/profile_dialog.py" line="184"/>
        <source>日付は YYYY-MM-DD の形で入力してください（例: 2027-03-31）。</source>
        <translation>Enter dates as YYYY-MM-DD (e.g. 2027-03-31).</translation>
    </message>
</context>
</TS>
