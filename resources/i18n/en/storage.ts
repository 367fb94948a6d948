<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="104"/>
        <source>バックアップと復元</source>
        <translation>Backups and restore</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="121"/>
        <source>データベース: {0}
バックアップの保存先: {1}
毎日最初の起動時と、一括取り込み・復元の前に自動で作成し、書き込んだ後に検査します。直近 7 日分と 4 週分（と今日の分）を残します。</source>
        <translation>Database: {0}
Backups folder: {1}
A backup is made automatically at the first start of each day and before a bulk import or a restore, and checked after writing. The last 7 days and 4 weeks (and today&apos;s) are kept.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="130"/>
        <source>作成日時</source>
        <translation>Made</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="130"/>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="130"/>
        <source>大きさ</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="130"/>
        <source>場所</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="144"/>
        <source>今すぐバックアップ(&amp;B)</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="146"/>
        <source>選んだバックアップから復元(&amp;R)...</source>
        <translation>&amp;Restore the selected backup...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="148"/>
        <location filename="../../../assistant/ui/backup_dialog.py" line="254"/>
        <source>データベースを検査(&amp;C)</source>
        <translation>&amp;Check the database</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="156"/>
        <source>2 つ目の保存先:</source>
        <translation>Second folder:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="159"/>
        <source>なし（共有フォルダや外付けドライブを指定できます）</source>
        <translation>None (a shared folder or an external drive can be set)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="161"/>
        <source>変更(&amp;M)...</source>
        <translation>Chan&amp;ge...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="163"/>
        <source>解除(&amp;U)</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="170"/>
        <source>空のデータベースで始める(&amp;E)...</source>
        <translation>Start with an &amp;empty database...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="175"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="215"/>
        <location filename="../../../assistant/ui/backup_dialog.py" line="227"/>
        <source>バックアップ</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="234"/>
        <source>検査中...</source>
        <translation>Checking...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="245"/>
        <location filename="../../../assistant/ui/backup_dialog.py" line="251"/>
        <location filename="../../../assistant/ui/backup_dialog.py" line="422"/>
        <source>データベースの検査</source>
        <translation>Database check</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="263"/>
        <location filename="../../../assistant/ui/backup_dialog.py" line="277"/>
        <location filename="../../../assistant/ui/backup_dialog.py" line="286"/>
        <source>バックアップから復元</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="264"/>
        <source>データベースを {0} のバックアップの内容に戻します。それ以降の変更は、戻した後のデータベースには含まれません。
今のデータベースは削除せず、{1} に移して残します。
復元しますか？</source>
        <translation>The database goes back to the backup of {0}. Changes made after it will not be in the restored database.
The current database is not deleted; it is moved to {1}.
Restore?</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="291"/>
        <location filename="../../../assistant/ui/backup_dialog.py" line="302"/>
        <source>空のデータベースで始める</source>
        <translation>Start with an empty database</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="292"/>
        <source>案件のない空のデータベースで始めます。今のファイルは削除せず、{0} に移して残します。
よろしいですか？</source>
        <translation>Start with an empty database without cases. The current file is not deleted; it is moved to {0}.
Continue?</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="308"/>
        <location filename="../../../assistant/ui/backup_dialog.py" line="314"/>
        <source>バックアップの 2 つ目の保存先</source>
        <translation>Second folder for backups</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="315"/>
        <source>データベースと同じ場所は 2 つ目の保存先になりません。別のドライブや共有フォルダを選んでください。</source>
        <translation>The database&apos;s own folder cannot be the second folder. Choose another drive or a shared folder.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="345"/>
        <location filename="../../../assistant/ui/backup_dialog.py" line="367"/>
        <source>バックアップと復元(&amp;K)...</source>
        <translation>Bac&amp;kups and restore...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="366"/>
        <source>バックアップ:</source>
        <translation>Backups:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="389"/>
        <source>在留申請 準備アシスタント</source>
        <translation>Residence Application Assistant</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="399"/>
        <source>データの保存先 {0} を使えないため、起動できません。フォルダの書き込み権限や、ドライブ・共有フォルダがつながっているかを確認してください。別の場所を使う場合は、起動時の --db オプションまたは環境変数 ASSISTANT_DATA_DIR で指定できます。

{1}</source>
        <translation>The application cannot start because the data folder {0} cannot be used. Check the folder&apos;s write permission and that its drive or shared folder is connected. To use another place, give it with the --db option or the ASSISTANT_DATA_DIR environment variable.

{1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/backup_dialog.py" line="415"/>
        <source>データの保存先</source>
        <translation>Data folder</translation>
    </message>
</context>
</TS>
