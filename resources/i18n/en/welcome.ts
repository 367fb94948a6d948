<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="61"/>
        <source>ようこそ</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="76"/>
        <source>在留申請 準備アシスタントへようこそ</source>
        <translation>Welcome to the Residence Application Assistant</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="84"/>
        <source>在留申請オンラインシステムに入力する内容を、案件ごとに前もって準備し、途中でも保存しておけます。</source>
        <translation>Prepare what you will enter in the ISA online residence application system case by case, ahead of time, and save it at any point.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="86"/>
        <source>入力した値はその場でチェックされ、添付する PDF や顔写真もシステムの基準に合わせて確認できます。</source>
        <translation>Every value is checked as you type, and the PDFs and face photo you attach are checked against the system&apos;s requirements.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="88"/>
        <source>認証ID・パスワードはパソコンの安全な保管場所（OSのキーリング）にだけ保存し、期限が近づくとお知らせします。</source>
        <translation>Your ID and password are kept only in this computer&apos;s secure password store, and you are reminded before they expire.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="107"/>
        <source>1. 事務所の担当者（利用者情報）</source>
        <translation>1. Office staff member (user information)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="109"/>
        <source>氏名・事務所・申請等取次者証明書番号などは、各案件の取次者欄に自動で入ります。あとから「事務所」メニューの「担当者とログイン情報」でも登録・変更できます。</source>
        <translation>Name, office, agent certificate number and so on fill the filing-agent section of every case automatically. You can also register or change them later under Office → Staff and login details.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="116"/>
        <location filename="../../../assistant/ui/welcome.py" line="176"/>
        <source>利用者情報を登録…</source>
        <translation>Register user information…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="127"/>
        <source>2. サンプル案件で試す</source>
        <translation>2. Try it on a sample case</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="131"/>
        <source>架空の申請人「{name}」の在留期間更新の案件です。一覧には「サンプル」と表示されます。自由に書き換えて入力の流れを試し、不要になったら削除してください。</source>
        <translation>An extension of the period of stay for a fictional applicant, “{name}”. It is marked “Sample” in the case list. Change anything to try the steps, and delete it when you no longer need it.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="136"/>
        <source>サンプル案件を作成する</source>
        <translation>Create the sample case</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="142"/>
        <source>サンプル案件はすでにあります</source>
        <translation>A sample case already exists</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="155"/>
        <source>始める</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="159"/>
        <source>スキップ</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="175"/>
        <source>まだ登録されていません（スキップできます）。</source>
        <translation>Not registered yet (you can skip this).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="183"/>
        <source>✔ 登録しました: {name}（{category}）</source>
        <translation>✔ Registered: {name} ({category})</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="185"/>
        <source>利用者情報を変更…</source>
        <translation>Change user information…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="203"/>
        <source>利用者情報を保存できませんでした: {error}</source>
        <translation>The user information could not be saved: {error}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/welcome.py" line="217"/>
        <source>サンプル案件を作成できませんでした: {error}</source>
        <translation>The sample case could not be created: {error}</translation>
    </message>
</context>
</TS>
