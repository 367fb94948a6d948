<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ja_JP">
<context>
    <name>BookmarkletCopyRow</name>
    <message>
        <location filename="../../../assistant/ui/bookmarklet_page.py" line="100"/>
        <source>ブックマークレットをコピー(&amp;K)</source>
        <translation>Copy the boo&amp;kmarklet</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bookmarklet_page.py" line="102"/>
        <source>申込画面に入力するブックマークレット（javascript: で始まる1行）をコピーします。案件のデータは含みません。</source>
        <translation>Copies the bookmarklet that fills the application page (one line starting with javascript:). It holds no case data.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bookmarklet_page.py" line="124"/>
        <source>コピーしました。ブラウザのブックマークバーを右クリックして「ページを追加」（Edge は「お気に入りを追加」）を選び、名前を「{link}」にして、URL の欄に貼り付け（Ctrl+V）て保存してください。</source>
        <translation>Copied. Right-click your browser’s bookmarks bar, choose “Add page” (Edge: “Add favorite”), name it “{link}”, paste it into the URL field (Ctrl+V) and save.</translation>
    </message>
</context>
<context>
    <name>BookmarkletPage</name>
    <message>
        <location filename="../../../assistant/ui/bookmarklet_page.py" line="27"/>
        <source>在留申請 入力ブックマークレットの登録</source>
        <translation>Registering the residence-application fill bookmarklet</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bookmarklet_page.py" line="28"/>
        <location filename="../../../assistant/ui/bookmarklet_page.py" line="122"/>
        <source>在留申請 入力</source>
        <translation>Residence application fill</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bookmarklet_page.py" line="30"/>
        <source>下の「{link}」のリンクを、ブラウザのブックマークバーへドラッグしてください（ブックマークバーが見えないときは Ctrl+Shift+B で表示します）。</source>
        <translation>Drag the “{link}” link below to your browser’s bookmarks bar (press Ctrl+Shift+B if the bookmarks bar is hidden).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bookmarklet_page.py" line="32"/>
        <source>アシスタントで案件を選び、「書き出し」→「オンラインシステムに入力...」で入力データをコピーします（{s} 秒後にクリップボードから消えます）。</source>
        <translation>In the assistant, select the case and copy its fill data with Export → Fill the online system&apos;s page... (it is removed from the clipboard after {s} seconds).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bookmarklet_page.py" line="34"/>
        <source>オンラインシステムの申込画面を開き、ブックマークバーの「{link}」を押して、表示された欄に貼り付けます（Ctrl+V）。</source>
        <translation>Open the application page of the online system, click “{link}” on the bookmarks bar and paste into the box that appears (Ctrl+V).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bookmarklet_page.py" line="36"/>
        <source>入力された内容を画面で確かめてから申請してください。顔写真と添付書類は手で添付します。</source>
        <translation>Check what was filled in on the page before you apply. Attach the photo and the documents by hand.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bookmarklet_page.py" line="38"/>
        <source>このリンクはこのページでは押さないでください（申込画面でだけ動きます）。このページはインターネットから何も読み込みません。</source>
        <translation>Do not click the link on this page (it works only on the application page). This page loads nothing from the internet.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bookmarklet_page.py" line="84"/>
        <location filename="../../../assistant/ui/bookmarklet_page.py" line="89"/>
        <source>ブックマークレットを登録</source>
        <translation>Register the bookmarklet</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bookmarklet_page.py" line="85"/>
        <source>ブックマークレットのページを書き出せませんでした：{0}</source>
        <translation>The bookmarklet page could not be written: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bookmarklet_page.py" line="90"/>
        <source>ブラウザを開けませんでした。次のファイルをブラウザで開いてください：
{0}</source>
        <translation>The browser could not be opened. Open this file in your browser:
{0}</translation>
    </message>
</context>
<context>
    <name>BulkCsvDialog</name>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="45"/>
        <source>一括申請ファイル（CSV）を書き出す</source>
        <translation>Export the bulk-application file (CSV)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="48"/>
        <source>一覧に表示している「入力完了」の案件 {0} 件を、一括申請用テンプレートのシートごとのCSVファイルに書き出します。</source>
        <translation>Exports the {0} “Ready” cases shown in the list to CSV files, one per sheet of the bulk-application template.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="56"/>
        <source>保存先フォルダ</source>
        <translation>Destination folder</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="58"/>
        <source>参照(&amp;R)...</source>
        <translation>&amp;Browse...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="63"/>
        <source>保存先フォルダ(&amp;F):</source>
        <translation>Destination &amp;folder:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="67"/>
        <source>UTF-8（BOM付き）(&amp;U)</source>
        <translation>&amp;UTF-8 (with BOM)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="68"/>
        <source>Shift_JIS(&amp;S)</source>
        <translation>&amp;Shift_JIS</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="79"/>
        <source>Shift_JISでは、髙・﨑などの外字や機種依存文字は書けません。書き出す前に該当する申請人と項目を一覧にし、置き換え候補を示します。</source>
        <translation>Shift_JIS cannot carry gaiji and vendor-specific characters such as 髙 or 﨑. Before anything is written, the applicants and fields concerned are listed with a suggested replacement.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="84"/>
        <source>文字コード:</source>
        <translation>Encoding:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="86"/>
        <source>表示名（例: 男 male）(&amp;L)</source>
        <translation>&amp;Labels (e.g. 男 male)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="87"/>
        <source>コード（例: 1）(&amp;C)</source>
        <translation>&amp;Codes (e.g. 1)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="97"/>
        <source>プルダウン項目:</source>
        <translation>Pull-down cells:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="102"/>
        <source>書き出す</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="104"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="128"/>
        <source>一括申請ファイルの保存先</source>
        <translation>Folder for the bulk application file</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="545"/>
        <source>活動(&amp;A)</source>
        <translation>&amp;Activity</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="650"/>
        <source>（選んでください）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="652"/>
        <source>区分{1}：{0}</source>
        <translation>区分 {1}: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="588"/>
        <source>区分（様式）</source>
        <translation>区分 (form)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="665"/>
        <source>活動の選択</source>
        <translation>Choice of activity</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="537"/>
        <source>申込画面から質問を取り込む(&amp;I)…</source>
        <translation>&amp;Import the questions from a saved application page…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="993"/>
        <source>区分の変更</source>
        <translation>Change of 区分 (form)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="616"/>
        <source>在留資格を選ぶと、その区分（様式）の質問だけをステップ2-2・2-3に表示します。</source>
        <translation>Once the status is chosen, Steps 2-2 and 2-3 show only the questions of its 区分 (form).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="620"/>
        <source>この在留資格には区分（様式）の質問がありません。共通の項目だけを入力します。</source>
        <translation>This status has no 区分 (form) questions: only the common items are entered.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="622"/>
        <source>区分{0}の様式で申請します。</source>
        <translation>Filed on the 区分 {0} form.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="353"/>
        <source>この項目の選択肢は公式データに含まれていないため、オンラインシステムの表示どおりに入力してください。</source>
        <translation>The choices for this item are not in the official data: type the value exactly as the online system shows it.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="210"/>
        <source>ステップ</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="219"/>
        <source>戻る(&amp;B)</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="221"/>
        <source>次へ(&amp;N)</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="224"/>
        <source>入力完了にする(&amp;D)</source>
        <translation>Mark as rea&amp;dy</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="227"/>
        <source>オンラインシステムに入力(&amp;L)...</source>
        <translation>Fi&amp;ll the online system&apos;s page...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="229"/>
        <source>この案件を検査し、申込画面に入力するデータをクリップボードにコピーします（60秒後に消去）</source>
        <translation>Checks this case and copies the data for the application page to the clipboard (cleared after 60 seconds)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="231"/>
        <source>案件一覧に戻る</source>
        <translation>Back to the case list</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="273"/>
        <source>次のステップへ (Ctrl+PgDown)</source>
        <translation>Next step (Ctrl+PgDown)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="274"/>
        <source>前のステップへ (Ctrl+PgUp)</source>
        <translation>Previous step (Ctrl+PgUp)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="275"/>
        <source>入力完了にする (Ctrl+Enter)</source>
        <translation>Mark as ready to file (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="404"/>
        <source>ステップ{0}&#x3000;{1}</source>
        <translation>Step {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="451"/>
        <source>在留資格がまだ選ばれていないため、区分（様式）ごとの質問は表示していません。ステップ1で在留資格を選ぶと、その区分の質問がここに表示されます。</source>
        <translation>No status of residence is chosen yet, so the questions of a 区分 (form) are not shown. Choose the status in Step 1 and the questions of its 区分 appear here.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="455"/>
        <source>ステップ1で在留資格を選ぶ</source>
        <translation>Choose the status in Step 1</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1160"/>
        <source>選んだ点数の合計: {0} 点（{1} 点以上が必要です）</source>
        <translation>Points of the answers chosen: {0} ({1} or more needed)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1163"/>
        <source>　研究実績の点数はオンラインシステムの画面で加算されます。</source>
        <translation> The online page adds the research achievements' points itself.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="479"/>
        <source>事務所の担当者の情報で入力(&amp;O)</source>
        <translation>Fill in from the &amp;office&apos;s staff member</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="481"/>
        <source>「事務所」メニューで選んだ担当者の氏名・住所・電話番号をこの欄に入れます</source>
        <translation>Puts the name, address and phone number of the staff member chosen in the Office menu into this block</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="557"/>
        <source>申請種別</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="559"/>
        <source>申請種別(&amp;K)（オンラインで申請できるものだけを表示しています）</source>
        <translation>&amp;Kind of procedure (only procedures that can be filed online are shown)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="566"/>
        <source>オンラインで申請できる期間</source>
        <translation>When it can be filed online</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="680"/>
        <source>在留期間の満了日を入力すると、オンラインで申請できる期間を表示します。</source>
        <translation>Enter the expiry date of the period of stay to see when the application can be filed online.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="683"/>
        <source>事由の生じた日を入力すると、オンラインで申請できる期間を表示します。</source>
        <translation>Enter the date of the event to see when the application can be filed online.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="695"/>
        <source>期間: {0} 〜 {1}</source>
        <translation>Window: {0} to {1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="696"/>
        <location filename="../../../assistant/ui/wizard.py" line="698"/>
        <source>制限なし</source>
        <translation>no limit</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="715"/>
        <source>申請種別の変更</source>
        <translation>Change the procedure</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="716"/>
        <source>申請種別を「{0}」に変更しますか？
入力済みの内容は引き継がれます。変更前の案件はゴミ箱に残ります。</source>
        <translation>Change the procedure to &quot;{0}&quot;?
Everything entered is kept. The case as it was stays in the recycle bin.</translation>
    </message>
    <message>
        <source>エラー</source>
        <translation type="vanished">Error</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="739"/>
        <source>取次者</source>
        <translation>Filing agent</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="740"/>
        <source>担当者が選ばれていません。「事務所」メニューで担当者を登録・選択してください。</source>
        <translation>No staff member is chosen. Register or choose one in the Office menu.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="743"/>
        <source>取次者欄の入力</source>
        <translation>Filling in the filing agent block</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="746"/>
        <location filename="../../../assistant/ui/wizard.py" line="986"/>
        <source>取次者欄に {0} 項目を入力しました。</source>
        <translation>{0} item(s) of the filing agent block filled in.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="821"/>
        <location filename="../../../assistant/ui/wizard.py" line="854"/>
        <source>残っている問題</source>
        <translation>Problems left</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="856"/>
        <source>問題を選んで Enter キーを押すと（またはダブルクリックすると）、その入力欄へ移動します。</source>
        <translation>Select a problem and press Enter (or double-click it) to go to its field.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="863"/>
        <source>在留カード等の受領方法</source>
        <translation>How the residence card is received</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="873"/>
        <source>入力内容の一覧（オンラインシステムの画面の順）</source>
        <translation>Everything entered (in the order of the online screens)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="901"/>
        <source>受領方法の選択</source>
        <translation>Choice of receipt method</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="942"/>
        <source>（添付なし）</source>
        <translation>(nothing attached)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1008"/>
        <source>保存できませんでした</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1062"/>
        <source>「{0}」の入力</source>
        <translation>Typing in &quot;{0}&quot;</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1082"/>
        <source>{0} {1}件目の削除</source>
        <translation>Removing {0} no. {1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1156"/>
        <source>ステップ{0}
{1}</source>
        <translation>Step {0}
{1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1171"/>
        <source>問題 {0} 件</source>
        <translation>{0} problem(s)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1173"/>
        <source>確認事項 {0} 件</source>
        <translation>{0} to check</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1168"/>
        <source>完了</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1169"/>
        <source>入力中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1169"/>
        <source>未入力</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1174"/>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1159"/>
        <source>ファイルを確認中…</source>
        <translation>Checking files…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1188"/>
        <source>ステップ{0}</source>
        <translation>Step {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1193"/>
        <source>（{0}件目）</source>
        <translation> (no. {0})</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1206"/>
        <source>問題 {0} 件・確認事項 {1} 件。入力完了にするには問題を解決してください（確認事項 △ は見直すだけで構いません）。</source>
        <translation>{0} problem(s) and {1} to check. Solve the problems to mark the case as ready to file (the points to check, △, only need a look).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1210"/>
        <source>問題 {0} 件。入力完了にするには、これらを解決してください。</source>
        <translation>{0} problem(s). Solve them to mark the case as ready to file.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1224"/>
        <source>問題はありません。確認事項 {0} 件（△）を見直してから入力完了にしてください。</source>
        <translation>No problems. Review the {0} point(s) to check (△), then mark the case as ready to file.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1214"/>
        <source>添付ファイルを確認しています…（確認が終わると、ファイルの問題がこの一覧に加わることがあります）</source>
        <translation>Checking the attached files… (problems with the files may be added to this list when the check is done)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1220"/>
        <source>添付ファイルを確認しています…。確認が終わるまで、問題がないかどうかはまだ分かりません。</source>
        <translation>Checking the attached files… Until the check is done it is not known whether any problems are left.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1227"/>
        <source>問題はありません。入力完了にできます。</source>
        <translation>No problems. The case can be marked as ready to file.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1373"/>
        <location filename="../../../assistant/ui/wizard.py" line="1379"/>
        <source>入力完了にできません</source>
        <translation>Not ready to file yet</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1374"/>
        <source>添付ファイルを確認しています。確認が終わってから、もう一度「入力完了にする」を押してください。</source>
        <translation>The attached files are still being checked. When the check is done, press “Mark as ready” again.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1380"/>
        <source>まだ {0} 件の問題があります。一覧から選んで修正してください。</source>
        <translation>{0} problem(s) are left. Choose one in the list to correct it.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1393"/>
        <source>入力完了</source>
        <translation>Ready to file</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1394"/>
        <source>「{0}」を入力完了にしました。</source>
        <translation>&quot;{0}&quot; is marked as ready to file.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1399"/>
        <source>（氏名未入力）</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1401"/>
        <source>【サンプル】{0}</source>
        <translation>[Sample] {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1402"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1405"/>
        <source>{0}&#x3000;— {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1038"/>
        <source>エラーがあるため下書きに戻しました: {0}</source>
        <translation>Back to draft because of an error: {0}</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <source>氏名または在留カード番号で検索 (Ctrl+F)</source>
        <translation type="vanished">Search by name or residence card number (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="575"/>
        <source>検索(&amp;S):</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="579"/>
        <source>すべての申請種別</source>
        <translation>All procedures</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="583"/>
        <source>申請種別(&amp;P):</source>
        <translation>&amp;Procedure:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="587"/>
        <source>すべての状態</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="591"/>
        <source>状態(&amp;T):</source>
        <translation>S&amp;tate:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="627"/>
        <source>案件はまだありません。
「新しい案件」(Ctrl+N) から最初の案件を作成してください。</source>
        <translation>No cases yet.
Create the first one with &quot;New case&quot; (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="633"/>
        <source>検索・絞り込みの条件に合う案件はありません。</source>
        <translation>No case matches the search or the filters.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="636"/>
        <source>条件を解除してすべての案件を表示(&amp;A)</source>
        <translation>Clear the search and filters to show &amp;all cases</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="572"/>
        <source>氏名・カナ・在留カード番号・勤務先・申請番号などで検索 (Ctrl+F)</source>
        <translation>Search names, kana, card numbers, employer, application numbers … (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="596"/>
        <source>すべての担当者</source>
        <translation>All staff</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="598"/>
        <source>担当者(&amp;M):</source>
        <translation>Staff &amp;member:</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="198"/>
        <source>氏名</source>
        <extracomment>Rows read from the store at once, and how many are kept (a screenful is ~40). Cases listed at once: the view asks for the next ones when it is scrolled to the end (``fetchMore``), so a keystroke over 100,000 cases reads the first thousand, not all. How long the search may rest before the cases it selects are counted (the count of a broad filter reads every case&apos;s entry in the index: not on every keystroke).</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="198"/>
        <source>国籍・地域</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="198"/>
        <source>申請種別</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="198"/>
        <source>現在の在留資格</source>
        <translation>Current status</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="199"/>
        <source>在留期間満了日</source>
        <translation>Expiry date</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="199"/>
        <source>オンライン申請</source>
        <translation>Online filing</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="199"/>
        <source>案件の状態</source>
        <translation>Case state</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="200"/>
        <source>申請受付番号</source>
        <translation>Application no.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="200"/>
        <source>最終更新</source>
        <translation>Last change</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="515"/>
        <source>架空の申請人による練習用のサンプル案件です。</source>
        <translation>A sample case with a fictitious applicant, for practice.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="517"/>
        <source>在留カード番号: {0}</source>
        <translation>Residence card number: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="529"/>
        <source>（氏名未入力）</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="530"/>
        <source>【サンプル】{0}</source>
        <translation>[Sample] {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="200"/>
        <source>担当者</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="200"/>
        <source>書類</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="524"/>
        <source>提出書類 {0} 件のうち {1} 件が提出済みまたは不要</source>
        <translation>{1} of {0} documents submitted or not needed</translation>
    </message>
</context>
<context>
    <name>CharacterReportDialog</name>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="143"/>
        <source>Shift_JISで書けない文字があります</source>
        <translation>Some characters cannot be written in Shift_JIS</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="148"/>
        <source>次の文字はShift_JISのCSVに書けないため、何も書き出していません。置き換え候補で案件を直して書き出すか、案件を開いて直してください。</source>
        <translation>The characters below cannot be written to a Shift_JIS CSV, so nothing has been exported. Put the suggested replacements into the cases and export, or open the cases and correct them.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="153"/>
        <source>人目</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="153"/>
        <source>申請人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="153"/>
        <source>項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="153"/>
        <source>文字</source>
        <translation>Character</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="154"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="154"/>
        <source>置き換え候補</source>
        <translation>Use instead</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="160"/>
        <source>書けない文字の一覧</source>
        <translation>Characters that cannot be written</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="161"/>
        <source>Shift_JISにない文字</source>
        <translation>Not in Shift_JIS</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="162"/>
        <source>外字・機種依存文字</source>
        <translation>Gaiji / vendor-specific</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="163"/>
        <source>別の文字に変わる</source>
        <translation>Turns into another character</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="170"/>
        <source>（候補なし: 手で直してください）</source>
        <translation>(none: correct it by hand)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="183"/>
        <source>候補に置き換えて書き出す(&amp;R)</source>
        <translation>&amp;Replace and export</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="187"/>
        <source>候補のない文字が {0} 件あります。置き換えても、その案件を直すまでShift_JISでは書き出せません。</source>
        <translation>{0} character(s) have no suggested replacement. Even after replacing the others, Shift_JIS export is not possible until those cases are corrected.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="191"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DeadlinesDialog</name>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="56"/>
        <source>期限一覧</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="61"/>
        <source>期限日</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="61"/>
        <source>残り</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="61"/>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="61"/>
        <source>内容</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="69"/>
        <source>設定した日数の範囲に期限はありません。</source>
        <translation>Nothing is due within the days set.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="72"/>
        <source>カレンダーに書き出す(&amp;I)...</source>
        <translation>Export to &amp;calendar...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="74"/>
        <source>Outlook や Google カレンダーに読み込める iCalendar (.ics) ファイルに書き出します。書き出し直すと同じ予定が更新されます。</source>
        <translation>Writes an iCalendar (.ics) file for Outlook or Google Calendar. Exporting again updates the same events.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="89"/>
        <source>申請期限</source>
        <translation>Filing deadline</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="90"/>
        <source>次の更新</source>
        <translation>Next renewal</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="91"/>
        <source>追完期限</source>
        <translation>Documents due</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="92"/>
        <source>結果待ち</source>
        <translation>Awaiting result</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="93"/>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="94"/>
        <source>届出済証明書</source>
        <translation>Agent certificate</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="100"/>
        <source>{0} 日経過</source>
        <translation>{0} days ago</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="119"/>
        <source>1 日経過</source>
        <translation>1 day ago</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="102"/>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="103"/>
        <source>あと {0} 日</source>
        <translation>in {0} days</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="126"/>
        <source>あと 1 日</source>
        <translation>in 1 day</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="133"/>
        <source>期限 {0} 件（今週が期限: {1} 件）</source>
        <translation>{0} deadlines ({1} due this week)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="131"/>
        <source>期限を集めています...</source>
        <translation>Collecting the deadlines...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="153"/>
        <location filename="../../../assistant/ui/deadlines_view.py" line="166"/>
        <source>カレンダーに書き出す</source>
        <translation>Export to calendar</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="154"/>
        <source>iCalendar ファイル (*.ics)</source>
        <translation>iCalendar files (*.ics)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/deadlines_view.py" line="167"/>
        <source>{0} 件の期限を書き出しました: {1}</source>
        <translation>Exported {0} deadlines: {1}</translation>
    </message>
</context>
<context>
    <name>DocumentListsDialog</name>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="68"/>
        <source>新しいリスト…</source>
        <translation>New list…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="70"/>
        <source>リストのない在留資格のリストを作ります（共通の書類は自動で入ります）。</source>
        <translation>Start a list for a status that has none (the general items come with it).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="94"/>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="443"/>
        <source>条件のID</source>
        <translation>Condition ID</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="94"/>
        <source>条件（日本語）</source>
        <translation>Condition (Japanese)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="99"/>
        <source>条件を追加</source>
        <translation>Add condition</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="100"/>
        <source>選択肢を追加</source>
        <translation>Add option</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="101"/>
        <source>条件・選択肢を削除</source>
        <translation>Remove condition / option</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="104"/>
        <source>条件（はい/いいえ、または選択肢のある質問）。書類の「条件」で選びます。</source>
        <translation>Conditions (yes / no, or a question with options). Each document chooses one under “Condition”.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="270"/>
        <source>事務所で作ったリストです（データフォルダーに保存）。共通の書類は自動で入ります。</source>
        <translation>A list the office made (kept in the data folder). The general items come with it.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="277"/>
        <source>リストを削除</source>
        <translation>Delete list</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="311"/>
        <source>（常に）</source>
        <translation>(always)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="318"/>
        <source>{0}（未定義の条件）</source>
        <translation>{0} (undefined condition)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="371"/>
        <source>新しい条件</source>
        <translation>New condition</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="384"/>
        <source>新しい選択肢</source>
        <translation>New option</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="407"/>
        <source>条件の削除</source>
        <translation>Remove condition</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="408"/>
        <source>{0} 件の書類がこの条件を使っています。削除すると、それらは常に必要な書類になります。削除しますか？</source>
        <translation>{0} document(s) use this condition. Removed, they are always needed. Remove it?</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="444"/>
        <source>条件のIDは半角の英小文字・数字・_ で、リストの中で重ならないものにしてください（「{0}」は使えません）。</source>
        <translation>A condition ID is lower-case letters, digits and _, unique in the list (“{0}” cannot be used).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="486"/>
        <source>事務所で作ったこのリストを削除しますか？（出荷時のリストはありません）</source>
        <translation>Delete this list the office made? (There is no shipped list.)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="502"/>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="506"/>
        <source>新しいリスト</source>
        <translation>New list</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="503"/>
        <source>どの在留資格にもリストがあります。</source>
        <translation>Every status already has a list.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="507"/>
        <source>リストを作る在留資格（共通の書類は自動で入ります）:</source>
        <translation>Status to start a list for (the general items come with it):</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="55"/>
        <source>提出書類リスト</source>
        <translation>Document lists</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="65"/>
        <source>認定</source>
        <translation>COE</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="65"/>
        <source>変更</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="66"/>
        <source>更新</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="74"/>
        <source>在留資格:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="76"/>
        <source>申請:</source>
        <translation>Procedure:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="82"/>
        <source>書類</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="82"/>
        <source>詳細</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="82"/>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="95"/>
        <source>英語</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="82"/>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="98"/>
        <source>条件</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="82"/>
        <source>出典</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="83"/>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="83"/>
        <source>出典の種類</source>
        <translation>Kind of source</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="120"/>
        <source>行を追加</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="121"/>
        <source>行を削除</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="122"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="123"/>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="276"/>
        <source>元に戻す</source>
        <translation>Revert</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="124"/>
        <source>書き出す…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="125"/>
        <source>読み込む…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="126"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="246"/>
        <source>（事務所版）</source>
        <translation> (office&apos;s)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="267"/>
        <source>事務所のリストです（データフォルダーに保存、出荷時のリストより優先）。「元に戻す」で出荷時のリストに戻ります。</source>
        <translation>This is the office&apos;s list (kept in the data folder, used instead of the shipped list). Revert returns to the shipped list.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="273"/>
        <source>出荷時のリストです（公開情報から集めた出発点、一部のみ）。保存すると事務所のリストになります。</source>
        <translation>This is the shipped list (a partial starting point collected from public pages). Saving makes it the office&apos;s list.</translation>
    </message>
    <message>
        <source>「条件」に書ける条件: {0}</source>
        <translation type="vanished">Conditions you can write under Condition: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="484"/>
        <source>事務所のリストを削除し、出荷時のリストに戻しますか？</source>
        <translation>Delete the office&apos;s list and return to the shipped list?</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="522"/>
        <source>リストの書き出し先</source>
        <translation>Export the list to</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="533"/>
        <source>読み込むリスト</source>
        <translation>List to import</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="539"/>
        <source>読み込めません</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="553"/>
        <source>提出書類リスト:</source>
        <translation>Document lists:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="554"/>
        <source>提出書類リストの編集(&amp;D)...</source>
        <translation>Edit &amp;document lists...</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="119"/>
        <source>オンラインシステムに入力(&amp;N)...</source>
        <translation>Fill the o&amp;nline system&apos;s page...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="121"/>
        <source>選択した案件を検査し、申込画面に入力するデータをクリップボードにコピーします（60秒後に消去）</source>
        <translation>Checks the selected case and copies the data for the online system&apos;s application page to the clipboard (cleared after 60 seconds)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="93"/>
        <source>公式ワークブックに書き込む(&amp;O)...</source>
        <translation>Fill the &amp;official workbook...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="95"/>
        <source>一覧に表示している「入力完了」の案件を、ISAからダウンロードした一括申請用テンプレート（.xlsm）のコピーに書き込みます（マクロ・ボタン・プルダウンはそのまま）</source>
        <translation>Writes the “Ready” cases shown in the list into a copy of ISA&apos;s bulk-application workbook (.xlsm) you downloaded (its macros, buttons and pull-downs stay as they are)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="542"/>
        <source>ISAの一括申請用テンプレート（{0}）を選ぶ</source>
        <translation>Choose ISA&apos;s bulk-application workbook ({0})</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="544"/>
        <source>Excel マクロ有効ブック (*.xlsm);;Excel ブック (*.xlsx)</source>
        <translation>Excel macro-enabled workbook (*.xlsm);;Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="563"/>
        <location filename="../../../assistant/ui/export_actions.py" line="603"/>
        <source>公式ワークブックに書き込む</source>
        <translation>Fill the official workbook</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="574"/>
        <source>入力完了の案件の申請種別が分かれています。書き込む申請種別(&amp;P):</source>
        <translation>The ready cases are of several procedures. &amp;Procedure to write:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="583"/>
        <source>書き込んだワークブックの保存先（テンプレート: {0}）</source>
        <translation>Save the filled workbook as (template: {0})</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="584"/>
        <source>{0}_記入済み_{1}人.xlsm</source>
        <translation>{0}_filled_{1}.xlsm</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="585"/>
        <source>Excel マクロ有効ブック (*.xlsm)</source>
        <translation>Excel macro-enabled workbook (*.xlsm)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="597"/>
        <source>{0} 人の申請人を書き込みました:
{1}

Excelで開き、マクロを有効にして、ISAのテンプレートのボタン（マクロ）でアップロード用のファイルを作ってください。</source>
        <translation>{0} applicants written:
{1}

Open it in Excel, enable macros and make the upload file with the button (macro) of ISA&apos;s workbook.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="601"/>
        <source>ワークブックの表記に合わせた選択肢: {0}</source>
        <translation>Choices written as the workbook spells them: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="611"/>
        <location filename="../../../assistant/ui/ops/exports.py" line="91"/>
        <source>公式ワークブックに書き込めませんでした</source>
        <translation>Could not fill the official workbook</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ops/exports.py" line="92"/>
        <source>公式ワークブックへの書き込み</source>
        <translation>Filling the official workbook</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="70"/>
        <source>書き出し(&amp;X)</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="72"/>
        <source>一括申請ファイル（CSV）を書き出す(&amp;B)...</source>
        <translation>&amp;Bulk application file (CSV)...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="74"/>
        <source>一覧に表示している「入力完了」の案件を、一括申請用テンプレートのCSVに書き出します</source>
        <translation>Write the cases shown in the list that are ready to file into the bulk-application template CSV</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="76"/>
        <source>入力転記シート（PDF）を書き出す(&amp;T)...</source>
        <translation>&amp;Transcription sheet (PDF)...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="79"/>
        <source>選択した案件の入力内容を、オンラインシステムの画面の順に並べたPDFにします</source>
        <translation>A PDF of the selected case in the order of the online screens</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="81"/>
        <source>結果受領チェックリスト（PDF）を書き出す(&amp;C)...</source>
        <translation>Result receipt &amp;checklist (PDF)...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="84"/>
        <source>一括申請ファイル（Excel）を書き出す(&amp;E)...</source>
        <translation>Bulk application files (E&amp;xcel)...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="86"/>
        <source>一覧に表示している「入力完了」の案件を、申請種別ごとのExcelファイルに書き出します</source>
        <translation>Writes the ready-to-file cases shown in the list into one Excel file per procedure</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="88"/>
        <source>一括申請ファイル（Excel）から取り込む(&amp;M)...</source>
        <translation>I&amp;mport the bulk-application file (Excel)...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="91"/>
        <source>Excelで直した一括申請ファイルを読み、案件を作成・更新します（問題のある行は取り込みません）</source>
        <translation>Reads a bulk-application workbook edited in Excel and creates or updates cases (rows with problems are not imported)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="99"/>
        <source>入力転記シートの印刷プレビュー(&amp;R)...</source>
        <translation>P&amp;review the transcription sheet...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="102"/>
        <source>入力転記シートを印刷(&amp;P)...</source>
        <translation>&amp;Print the transcription sheet...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="106"/>
        <source>結果受領チェックリストの印刷プレビュー(&amp;V)...</source>
        <translation>Pre&amp;view the result checklist...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="109"/>
        <source>結果受領チェックリストを印刷(&amp;I)...</source>
        <translation>Pr&amp;int the result checklist...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="113"/>
        <source>結果受領チェックリストをまとめて書き出す（一覧の案件）(&amp;A)...</source>
        <translation>Result checklists for &amp;all listed cases (PDF)...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="115"/>
        <source>一覧に表示している結果待ちの案件のうち、選んだ受領方法の案件を1つのPDFにまとめます（封筒の裏書き用の申請受付番号と人数つき）</source>
        <translation>Puts the listed cases awaiting a result that use the chosen receipt method into one PDF (with the application numbers and number of persons for the back of the envelope)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="123"/>
        <source>ブックマークレットを登録(&amp;K)...</source>
        <translation>Register the boo&amp;kmarklet...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="125"/>
        <source>申込画面に入力するブックマークレットをブラウザのブックマークバーへ登録するページを開きます</source>
        <translation>Opens a page from which you drag the fill bookmarklet to the browser’s bookmarks bar</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="159"/>
        <source>書き出し</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="160"/>
        <source>先に一覧で案件を選んでください。</source>
        <translation>Select a case in the list first.</translation>
    </message>
    <message>
        <source>エラー</source>
        <translation type="vanished">Error</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="196"/>
        <location filename="../../../assistant/ui/export_actions.py" line="298"/>
        <location filename="../../../assistant/ui/export_actions.py" line="319"/>
        <location filename="../../../assistant/ui/export_actions.py" line="346"/>
        <location filename="../../../assistant/ui/export_actions.py" line="473"/>
        <location filename="../../../assistant/ui/ops/exports.py" line="47"/>
        <location filename="../../../assistant/ui/ops/exports.py" line="57"/>
        <source>書き出せませんでした</source>
        <translation>Could not export</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="318"/>
        <source>エラーのある案件があるため、何も書き出していません。直してから書き出してください。</source>
        <translation>Nothing was written: some cases have errors. Correct them and export again.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="199"/>
        <source>書き出しました: {0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="186"/>
        <location filename="../../../assistant/ui/export_actions.py" line="214"/>
        <location filename="../../../assistant/ui/export_actions.py" line="621"/>
        <source>一括申請ファイル</source>
        <translation>Bulk application file</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="215"/>
        <source>一覧に「入力完了」の案件がありません。案件を入力完了にしてから書き出してください。</source>
        <translation>No case in the list is ready to file. Mark cases as ready to file, then export.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="226"/>
        <location filename="../../../assistant/ui/export_actions.py" line="423"/>
        <source>郵送</source>
        <translation>By mail</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="226"/>
        <location filename="../../../assistant/ui/export_actions.py" line="423"/>
        <source>窓口</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="227"/>
        <location filename="../../../assistant/ui/export_actions.py" line="402"/>
        <location filename="../../../assistant/ui/export_actions.py" line="412"/>
        <source>結果受領チェックリスト</source>
        <translation>Result receipt checklist</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="228"/>
        <source>受領方法(&amp;M):</source>
        <translation>Receipt &amp;method:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="252"/>
        <source>印刷しました: {0}</source>
        <translation>Printed: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="266"/>
        <source>一括申請ファイルの保存先</source>
        <translation>Folder for the bulk application file</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ops/exports.py" line="48"/>
        <source>一括申請ファイル（CSV）</source>
        <translation>Bulk-application file (CSV)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="616"/>
        <source>{0} 件の案件を書き出しました:
{1}</source>
        <translation>{0} case(s) exported:
{1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="619"/>
        <source>注意（{0} 件）:</source>
        <translation>Notes ({0}):</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="351"/>
        <source>{0} 件の案件の文字を置き換えました。</source>
        <translation>Replaced characters in {0} case(s).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="379"/>
        <source>入力転記シート</source>
        <translation>Transcription sheet</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="380"/>
        <location filename="../../../assistant/ui/export_actions.py" line="404"/>
        <location filename="../../../assistant/ui/export_actions.py" line="436"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="421"/>
        <source>一覧に結果待ちの案件（入力完了から審査完了まで）がありません。</source>
        <translation>The list shows no case awaiting a result (from “Ready to file” to “Review complete”).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="425"/>
        <source>どの受領方法の案件をまとめますか(&amp;M):</source>
        <translation>Cases of which receipt &amp;method?</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="433"/>
        <source>一覧の結果待ちの案件に、受領方法が「{0}」の案件がありません。</source>
        <translation>No listed case awaiting a result uses the receipt method “{0}”.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="435"/>
        <source>結果受領チェックリスト_{0}_{1}件.pdf</source>
        <translation>result_checklist_{0}_{1}_cases.pdf</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ops/exports.py" line="58"/>
        <source>一括申請ファイル（Excel）</source>
        <translation>Bulk application files (Excel)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="487"/>
        <source>取り込む一括申請ファイル（Excel）</source>
        <translation>Bulk-application file (Excel) to import</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="488"/>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ops/exports.py" line="67"/>
        <source>一括申請ファイル（Excel）の取り込み</source>
        <translation>Import of the bulk-application file (Excel)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ops/exports.py" line="68"/>
        <source>{0} を読んでいます…</source>
        <translation>Reading {0}…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="508"/>
        <location filename="../../../assistant/ui/ops/exports.py" line="66"/>
        <source>取り込めませんでした</source>
        <translation>Could not import</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="515"/>
        <source>取り込みました: 新しい案件 {0} 件、更新 {1} 件</source>
        <translation>Imported: {0} new case(s), {1} updated</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ops/exports.py" line="37"/>
        <source>{0} 件の案件を書き出しています…</source>
        <translation>Exporting {0} cases…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ops/exports.py" line="49"/>
        <location filename="../../../assistant/ui/ops/exports.py" line="59"/>
        <location filename="../../../assistant/ui/ops/exports.py" line="69"/>
        <location filename="../../../assistant/ui/ops/exports.py" line="93"/>
        <source>中止</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="627"/>
        <source>書き出しを中止しました。</source>
        <translation>The export was cancelled.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="127"/>
        <source>拡張機能フォルダを作成(&amp;X)...</source>
        <translation>Create the e&amp;xtension folder...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="129"/>
        <source>申込画面に入力する Chrome / Edge の拡張機能のフォルダを作成します</source>
        <translation>Creates the folder of the Chrome / Edge extension that fills the application page</translation>
    </message>
</context>
<context>
    <name>ExtensionFolder</name>
    <message>
        <location filename="../../../assistant/ui/extension_folder.py" line="34"/>
        <source>拡張機能フォルダを作成</source>
        <translation>Create the extension folder</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/extension_folder.py" line="35"/>
        <source>拡張機能フォルダを作成する場所を選んでください</source>
        <translation>Choose where to create the extension folder</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/extension_folder.py" line="46"/>
        <source>拡張機能フォルダを作成できませんでした：{0}</source>
        <translation>Could not create the extension folder: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/extension_folder.py" line="50"/>
        <source>拡張機能のフォルダを作成しました：
{path}

1. Chrome は chrome://extensions、Edge は edge://extensions を開きます。
2. 「デベロッパー モード」（Edge は「開発者モード」）をオンにします。
3. 「パッケージ化されていない拡張機能を読み込む」（Edge は「展開して読み込み」）を押し、このフォルダを選びます。

ブラウザはこのフォルダから拡張機能を読み込むので、フォルダは消したり動かしたりしないでください。アプリを更新したら、ここでもう一度作成して上書きし、拡張機能のページで再読み込み（↻）を押してください。</source>
        <translation>The extension folder was created:
{path}

1. Open chrome://extensions in Chrome, or edge://extensions in Edge.
2. Turn on “Developer mode”.
3. Press “Load unpacked” and choose this folder.

The browser loads the extension from this folder, so do not delete or move it. After updating the app, create it here again over the old one and press reload (↻) on the extensions page.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../../assistant/ui/field_widgets.py" line="191"/>
        <source>［必須］</source>
        <translation>[required]</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/field_widgets.py" line="209"/>
        <source>「20000101」「2000-01-01」「平成12年1月1日」「H12.1.1」の形で入力できます。</source>
        <translation>Accepted forms: 20000101, 2000-01-01, 平成12年1月1日, H12.1.1.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/field_widgets.py" line="211"/>
        <source>「200104」「2001/4」「2001年4月」「平成13年4月」の形で入力できます。</source>
        <translation>Accepted forms: 200104, 2001/4, 2001年4月, 平成13年4月.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/field_widgets.py" line="215"/>
        <source>例: {0}</source>
        <translation>e.g. {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/field_widgets.py" line="280"/>
        <source>入力して検索、または一覧から選択</source>
        <translation>Type to search, or choose from the list</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/field_widgets.py" line="288"/>
        <source>選択してください</source>
        <translation>Please choose</translation>
    </message>
</context>
<context>
    <name>FormsDialog</name>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="37"/>
        <source>申請様式</source>
        <translation>Application forms</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="41"/>
        <source>申請の種類</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="41"/>
        <source>区分</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="41"/>
        <source>画面の名前</source>
        <translation>Page title</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="42"/>
        <source>取り込んだ日時</source>
        <translation>Installed</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="42"/>
        <source>質問の数</source>
        <translation>Questions</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="44"/>
        <source>取り込み(&amp;I)…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="46"/>
        <source>削除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="48"/>
        <source>オンラインシステムの申込画面をブラウザで保存したファイルから、その区分の質問を取り込みます。取り込みと削除は次の起動から使われます。同梱の様式は削除できません。</source>
        <translation>Imports a category&apos;s questions from the online system&apos;s application page saved from the browser. Imports and deletions are used from the next start. The forms that come with the program cannot be deleted.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="53"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="72"/>
        <source>（同梱）</source>
        <translation>(built in)</translation>
    </message>
    <message>
        <source>申込画面の取り込み</source>
        <translation type="vanished">Import an application page</translation>
    </message>
    <message>
        <source>保存した申込画面 (*.html *.htm *.mhtml *.mht)</source>
        <translation type="vanished">Saved application pages (*.html *.htm *.mhtml *.mht)</translation>
    </message>
    <message>
        <source>「{0}」を読み取りました。</source>
        <translation type="vanished">Read “{0}”.</translation>
    </message>
    <message>
        <source>申請の種類: {0}&#x3000;区分: {1}&#x3000;質問: {2}</source>
        <translation type="vanished">Procedure: {0}   Category: {1}   Questions: {2}</translation>
    </message>
    <message>
        <source>この区分の様式はまだありません（新しく追加されます）。</source>
        <translation type="vanished">There is no form for this category yet (it will be added).</translation>
    </message>
    <message>
        <source>今の様式との違い: {0} 件</source>
        <translation type="vanished">Differences from the current form: {0}</translation>
    </message>
    <message>
        <source>ほか {0} 件</source>
        <translation type="vanished">and {0} more</translation>
    </message>
    <message>
        <source>今の様式と同じです。</source>
        <translation type="vanished">Same as the current form.</translation>
    </message>
    <message>
        <source>この事務所のデータとして取り込みますか？</source>
        <translation type="vanished">Install it for this office?</translation>
    </message>
    <message>
        <source>取り込みました。次にこのプログラムを起動したときから使われます。</source>
        <translation type="vanished">Installed. It is used from the next start of the program.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="105"/>
        <source>申請様式の削除</source>
        <translation>Delete an application form</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="107"/>
        <source>「{0}」（区分{1}）の取り込んだ様式を削除しますか？次の起動から使われなくなります。</source>
        <translation>Delete the imported form “{0}” (category {1})? It is no longer used from the next start.</translation>
    </message>
    <message>
        <source>追加</source>
        <translation type="vanished">added</translation>
    </message>
    <message>
        <source>なくなった</source>
        <translation type="vanished">removed</translation>
    </message>
    <message>
        <source>項目名の変更</source>
        <translation type="vanished">label changed</translation>
    </message>
    <message>
        <source>入力の種類の変更</source>
        <translation type="vanished">input kind changed</translation>
    </message>
    <message>
        <source>必須かどうかの変更</source>
        <translation type="vanished">required changed</translation>
    </message>
    <message>
        <source>文字数の変更</source>
        <translation type="vanished">length changed</translation>
    </message>
    <message>
        <source>選択肢の変更</source>
        <translation type="vanished">choices changed</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="35"/>
        <source>一括申請ファイル（Excel）の取り込み</source>
        <translation>Import of the bulk-application file (Excel)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="41"/>
        <source>{0}: 新しい案件 {1} 件、更新する案件 {2} 件を取り込めます（変更のない案件 {3} 件）。</source>
        <translation>{0}: {1} new case(s) and {2} updated case(s) can be imported ({3} case(s) unchanged).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="50"/>
        <source>次の問題がある {0} 行は取り込みません（Excelで直してから、もう一度取り込んでください）。</source>
        <translation>The {0} row(s) with the problems below will not be imported (correct them in Excel and import again).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="55"/>
        <source>注意（取り込みはできます）:</source>
        <translation>Notes (the import can go ahead):</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="56"/>
        <source>シート</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="56"/>
        <source>セル</source>
        <translation>Cell</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="56"/>
        <source>項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="56"/>
        <source>値</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="57"/>
        <source>問題</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="64"/>
        <source>取り込めない行の問題</source>
        <translation>Problems of the rows that cannot be imported</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="81"/>
        <source>取り込む(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="84"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="175"/>
        <source>バックアップと復元(&amp;K)...</source>
        <translation>Bac&amp;kups and restore...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="157"/>
        <source>新しい案件(&amp;N)...</source>
        <translation>&amp;New case...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="159"/>
        <source>申請種別を選んで新しい案件を作成します</source>
        <translation>Choose a procedure and create a new case</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="160"/>
        <source>開く(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="161"/>
        <source>選択した案件を開きます</source>
        <translation>Open the selected case</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="163"/>
        <source>複製して新しい案件に(&amp;D)</source>
        <translation>&amp;Duplicate as a new case</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="165"/>
        <source>選択した案件を元に新しい案件を作成します（昨年の更新申請から今年の申請を作るときなど）</source>
        <translation>Create a new case from the selected one (e.g. this year&apos;s renewal from last year&apos;s)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="166"/>
        <source>ゴミ箱へ移動(&amp;L)</source>
        <translation>Move to recyc&amp;le bin</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="168"/>
        <source>選択した案件をゴミ箱へ移動します（元に戻せます）</source>
        <translation>Move the selected case to the recycle bin (it can be restored)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="169"/>
        <source>ゴミ箱を開く(&amp;R)...</source>
        <translation>Open the &amp;recycle bin...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="170"/>
        <source>案件ファイルへ書き出す(&amp;E)...</source>
        <translation>&amp;Export case file...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="172"/>
        <source>案件ファイルを読み込む(&amp;I)...</source>
        <translation>&amp;Import case file...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="174"/>
        <source>設定(&amp;S)...</source>
        <translation>&amp;Settings...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="176"/>
        <source>終了(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="178"/>
        <source>検索(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="180"/>
        <source>案件一覧に戻る(&amp;B)</source>
        <translation>&amp;Back to the case list</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="182"/>
        <source>元に戻す(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="184"/>
        <source>やり直す(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="187"/>
        <source>このアプリについて(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="194"/>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="203"/>
        <source>編集(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="230"/>
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="233"/>
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="242"/>
        <source>ツールバー</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="326"/>
        <source>案件 {0} 件</source>
        <translation>{0} case(s)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="328"/>
        <source>案件 {0} 件中 {1} 件を表示</source>
        <translation>{1} of {0} case(s) shown</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="323"/>
        <source>案件 {0} 件中 {1} 件以上を表示</source>
        <translation>{1}+ of {0} case(s) shown</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="395"/>
        <source>この案件の申請種別には対応していないため、開けません。</source>
        <translation>This case is for a procedure this version does not know, so it cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="405"/>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="440"/>
        <source>案件を複製しました。在留カード番号と満了日は新しく入力してください。</source>
        <translation>Case duplicated. Enter the new residence card number and expiry date.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="450"/>
        <source>（氏名未入力）</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="452"/>
        <source>ゴミ箱へ移動</source>
        <translation>Move to recycle bin</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="453"/>
        <source>「{0}」の案件をゴミ箱へ移動しますか？
ゴミ箱からいつでも元に戻せます。</source>
        <translation>Move the case of &quot;{0}&quot; to the recycle bin?
It can be restored from the recycle bin at any time.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="461"/>
        <source>「{0}」をゴミ箱へ移動しました。</source>
        <translation>&quot;{0}&quot; moved to the recycle bin.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="488"/>
        <source>案件ファイルへ書き出す</source>
        <translation>Export case file</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="489"/>
        <location filename="../../../assistant/ui/main_window.py" line="508"/>
        <source>案件ファイル (*.json)</source>
        <translation>Case files (*.json)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="500"/>
        <source>「{0}」を書き出しました: {1}</source>
        <translation>&quot;{0}&quot; exported: {1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="506"/>
        <source>案件ファイルを読み込む</source>
        <translation>Import case file</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="520"/>
        <source>案件ファイルを読み込みました。</source>
        <translation>Case file imported.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="584"/>
        <source>このアプリについて</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="585"/>
        <source>在留申請 準備アシスタント {0}

在留申請オンラインシステムで申請する前に、申請内容・添付書類を事務所で準備・確認するためのアプリです。</source>
        <translation>Residence Application Assistant {0}

Prepares and checks applications and attachments in the office before they are filed on the ISA online system.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="394"/>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="189"/>
        <source>期限一覧(&amp;D)...</source>
        <translation>&amp;Deadlines...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="190"/>
        <source>申請期限・追完期限・結果待ち・パスワードなどの期限を一覧します</source>
        <translation>Lists filing deadlines, documents due, results awaited, passwords and other dates</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="565"/>
        <source>今週が期限: {0} 件</source>
        <translation>Due this week: {0}</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../../assistant/ui/new_case.py" line="23"/>
        <source>新しい案件</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/new_case.py" line="24"/>
        <source>申請種別(&amp;K)を選んでください（オンラインで申請できるものだけを表示しています）:</source>
        <translation>Choose the &amp;kind of procedure (only procedures that can be filed online are shown):</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/new_case.py" line="39"/>
        <source>作成</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/new_case.py" line="40"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OnlineFill</name>
    <message>
        <location filename="../../../assistant/ui/online_fill.py" line="35"/>
        <source>ほか {n} 件</source>
        <translation>and {n} more</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/online_fill.py" line="36"/>
        <location filename="../../../assistant/ui/online_fill.py" line="54"/>
        <source>オンラインシステムに入力</source>
        <translation>Fill the online system&apos;s page</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/online_fill.py" line="37"/>
        <source>この案件はまだオンラインシステムに入力できません：</source>
        <translation>This case cannot be filled into the online system yet:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/online_fill.py" line="44"/>
        <source>入力データ（{n} 項目）をコピーしました。{s} 秒後にクリップボードから消えます。

オンラインシステムの「{title}」の申込画面で、ブックマークレット（または拡張機能のボタン）を押して貼り付けてください。顔写真と添付書類は手で添付してください。</source>
        <translation>The fill data ({n} items) is on the clipboard; it is cleared in {s} seconds.

On the online system&apos;s application page for “{title}”, click the bookmarklet (or the extension&apos;s button) and paste it. Attach the photo and the documents by hand.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/online_fill.py" line="51"/>
        <source>申込画面に対応する項目がない値（画面で直接入力してください）：</source>
        <translation>Values the page has no item for (type them on the page):</translation>
    </message>
</context>
<context>
    <name>ReferenceDataRow</name>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="30"/>
        <source>公式テンプレートから更新(&amp;U)...</source>
        <translation>&amp;Update from the official template...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="32"/>
        <source>元に戻す(&amp;O)</source>
        <translation>Back to the &amp;original</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="48"/>
        <source>プログラムに含まれる選択肢を使っています。</source>
        <translation>Using the lists that come with the program.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="52"/>
        <source>{0} に {1} から更新した選択肢を使っています（{2}）。</source>
        <translation>Using lists updated on {0} from {1} ({2}).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="59"/>
        <source>ISAの一括申請用テンプレート</source>
        <translation>ISA bulk-application template</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="60"/>
        <source>Excel ブック (*.xlsm *.xlsx)</source>
        <translation>Excel workbook (*.xlsm *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ops/exports.py" line="76"/>
        <location filename="../../../assistant/ui/reference_data.py" line="65"/>
        <location filename="../../../assistant/ui/reference_data.py" line="82"/>
        <source>参照データの更新</source>
        <translation>Update of the reference data</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="66"/>
        <source>このテンプレートの申請種別(&amp;P):</source>
        <translation>&amp;Procedure of this template:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ops/exports.py" line="80"/>
        <source>{0} を読んでいます…</source>
        <translation>Reading {0}…</translation>
    </message>
    <message>
        <source>中止</source>
        <translation type="vanished">Cancel</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="81"/>
        <source>更新した選択肢は、次にこのプログラムを起動したときから使われます。</source>
        <translation>The updated lists are used from the next start of the program.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="88"/>
        <location filename="../../../assistant/ui/reference_data.py" line="95"/>
        <source>参照データ</source>
        <translation>Reference data</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="89"/>
        <source>更新した選択肢を消して、プログラムに含まれる選択肢に戻しますか？（次の起動から使われます）</source>
        <translation>Remove the updated lists and go back to the lists that come with the program? (Takes effect at the next start.)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="96"/>
        <source>元に戻せませんでした: {0}</source>
        <translation>Could not go back: {0}</translation>
    </message>
</context>
<context>
    <name>RepeatGroupBox</name>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="114"/>
        <source>追加(&amp;A)</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="121"/>
        <source>{0}件目</source>
        <translation>No. {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="120"/>
        <source>{0}人目</source>
        <translation>Person {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="126"/>
        <source>この{0}件目を削除</source>
        <translation>Remove no. {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="125"/>
        <source>この{0}人目を削除</source>
        <translation>Remove person {0}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="48"/>
        <location filename="../../../assistant/ui/settings_dialog.py" line="148"/>
        <source>設定</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="56"/>
        <source>{0}（既定）</source>
        <translation>{0} (default)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="69"/>
        <source>参照(&amp;B)...</source>
        <translation>&amp;Browse...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="76"/>
        <source>表示名（例: 男 male）</source>
        <translation>Labels (e.g. 男 male)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="77"/>
        <source>コード（例: 1）</source>
        <translation>Codes (e.g. 1)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="82"/>
        <source>規則のプロファイル(&amp;P):</source>
        <translation>Rule &amp;profile:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="83"/>
        <source>表示言語(&amp;L):</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="84"/>
        <source>データの保存先(&amp;D):</source>
        <translation>&amp;Data folder:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="87"/>
        <source>一括申請ファイルのプルダウン欄(&amp;C):</source>
        <translation>Pull-down &amp;cells in bulk files:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="91"/>
        <source>プルダウンの選択肢:</source>
        <translation>Pull-down lists:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="115"/>
        <source>データの保存先を空欄にすると既定のフォルダを使います。表示言語と保存先の変更はすぐに反映されます。</source>
        <translation>Leave the data folder empty to use the default folder. A new language or data folder takes effect at once.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="120"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="130"/>
        <source>データの保存先</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="149"/>
        <source>データの保存先を作成できません: {0}</source>
        <translation>Cannot create the data folder: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="105"/>
        <source>申請期限を表示（何日前から）(&amp;W):</source>
        <translation>Sho&amp;w filing deadlines (days ahead):</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="106"/>
        <source>次の更新を表示（開始の何日前から）(&amp;N):</source>
        <translation>Show &amp;next renewal windows (days before they open):</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="107"/>
        <source>結果待ちを表示（申請から何日後）(&amp;R):</source>
        <translation>Show awaited &amp;results (days after filing):</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="108"/>
        <source>パスワード・届出済証明書（何日前から）(&amp;O):</source>
        <translation>Passw&amp;ord / agent certificate (days ahead):</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="111"/>
        <source> 日</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="92"/>
        <source>申請様式(&amp;F)…</source>
        <translation>Application &amp;forms…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="97"/>
        <source>申込画面の質問:</source>
        <translation>Application page questions:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="101"/>
        <source>申込画面への入力:</source>
        <translation>Filling the application page:</translation>
    </message>
</context>
<context>
    <name>StatusActions</name>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="120"/>
        <source>申請済にする(&amp;F)...</source>
        <translation>Mark as &amp;filed...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="121"/>
        <source>受付番号を記録(&amp;A)...</source>
        <translation>Record the &amp;application number...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="122"/>
        <source>審査中にする(&amp;R)...</source>
        <translation>Mark as under &amp;review...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="123"/>
        <source>追完待ちにする(&amp;W)...</source>
        <translation>Mark as a&amp;waiting documents...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="124"/>
        <source>審査完了にする(&amp;C)...</source>
        <translation>Mark as review &amp;complete...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="125"/>
        <source>完了にする(&amp;K)...</source>
        <translation>Mar&amp;k as completed...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="126"/>
        <source>不許可にする(&amp;U)...</source>
        <translation>Mark as ref&amp;used...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="127"/>
        <source>取下げにする(&amp;T)...</source>
        <translation>Mark as wi&amp;thdrawn...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="134"/>
        <source>状態を進める(&amp;S)...</source>
        <translation>Next &amp;status...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="136"/>
        <source>選択した案件の次の状態（申請済・受付済・審査中…）を記録します</source>
        <translation>Records the selected case&apos;s next status (filed, accepted, under review …)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="139"/>
        <source>次の更新案件を作成(&amp;N)</source>
        <translation>Prepare the &amp;next renewal</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="141"/>
        <source>完了した案件から次の在留期間更新の案件を作ります（在留カード番号などは引き継ぎません）</source>
        <translation>Creates the next renewal from a completed case (the card number and similar values are not carried over)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="143"/>
        <source>申請(&amp;A)</source>
        <translation>&amp;Application</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="189"/>
        <location filename="../../../assistant/ui/status_actions.py" line="205"/>
        <location filename="../../../assistant/ui/status_actions.py" line="208"/>
        <source>状態を進める</source>
        <translation>Next status</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="189"/>
        <source>次の状態(&amp;S):</source>
        <translation>Next &amp;status:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="220"/>
        <source>記録できません</source>
        <translation>Cannot record</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="226"/>
        <source>確認してください</source>
        <translation>Please check</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="54"/>
        <source>{0} を「{1}」にします。</source>
        <translation>{0} becomes “{1}”.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="55"/>
        <source>（氏名未入力）</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="61"/>
        <source>例: {0}</source>
        <translation>e.g. {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="65"/>
        <source>例: 2026-12-10 / 令和8年12月10日</source>
        <translation>e.g. 2026-12-10 / 令和8年12月10日</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="67"/>
        <source>例: 5年</source>
        <translation>e.g. 5年 (5 years)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="69"/>
        <source>例: 2031-12-10 / 令和13年12月10日</source>
        <translation>e.g. 2031-12-10 / 令和13年12月10日</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="71"/>
        <source>申請受付仮番号(&amp;N):</source>
        <translation>Provisional &amp;number:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="72"/>
        <source>申請受付番号(&amp;N):</source>
        <translation>Application &amp;number:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="74"/>
        <source>日付(&amp;D):</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="76"/>
        <source>提出期限(&amp;U):</source>
        <translation>D&amp;ue date:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="78"/>
        <source>許可された在留期間(&amp;P):</source>
        <translation>&amp;Period granted:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="79"/>
        <source>新しい満了日(&amp;X):</source>
        <translation>New e&amp;xpiry date:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="80"/>
        <source>メモ(&amp;M):</source>
        <translation>&amp;Memo:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/status_actions.py" line="81"/>
        <source>求められた書類など(&amp;M):</source>
        <translation>Docu&amp;ments asked for:</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../../assistant/ui/trash.py" line="35"/>
        <source>ゴミ箱</source>
        <translation>Recycle bin</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/trash.py" line="37"/>
        <source>ゴミ箱の案件(&amp;C):</source>
        <translation>&amp;Cases in the recycle bin:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/trash.py" line="39"/>
        <source>元に戻す(&amp;R)</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/trash.py" line="48"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/trash.py" line="52"/>
        <source>ゴミ箱は空です。
一覧で削除した案件はここに入り、いつでも元に戻せます。</source>
        <translation>The recycle bin is empty.
Cases deleted from the list come here and can be restored at any time.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/trash.py" line="66"/>
        <source>（氏名未入力）</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/trash.py" line="69"/>
        <source>{0}&#x3000;{1}（削除: {2}）</source>
        <translation>{0}  {1} (deleted {2})</translation>
    </message>
    <message>
        <source>エラー</source>
        <translation type="vanished">Error</translation>
    </message>
</context>
<context>
    <name>ask</name>
    <message>
        <location filename="../../../assistant/ui/ask.py" line="96"/>
        <source>ディスクの空き容量が足りません。空きを作ってからもう一度お試しください。</source>
        <translation>The disk is full. Free some space and try again.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ask.py" line="98"/>
        <source>ファイルまたはフォルダーへの書き込み・読み取りが許可されていません: {0}</source>
        <translation>You are not allowed to read or write this file or folder: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ask.py" line="101"/>
        <source>ファイルまたはフォルダーが見つかりません: {0}</source>
        <translation>File or folder not found: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ask.py" line="102"/>
        <source>ファイルを読み書きできませんでした: {0}</source>
        <translation>The file could not be read or written: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ask.py" line="104"/>
        <source>予期しないエラーが発生しました。</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ask.py" line="109"/>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ask.py" line="165"/>
        <source>ほか {0} 件</source>
        <translation>and {0} more</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ask.py" line="151"/>
        <source>書き出せません</source>
        <translation>Cannot write there</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ask.py" line="166"/>
        <source>上書きの確認</source>
        <translation>Replace files?</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ask.py" line="166"/>
        <source>次のファイルは既にあります。上書きしますか？
{0}</source>
        <translation>These files already exist. Replace them?
{0}</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <location filename="../../../assistant/ui/ops/bridge.py" line="137"/>
        <source>予期しないエラーが発生しました。</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ops/bridge.py" line="139"/>
        <source>エラーの記録を保存しました:
{0}</source>
        <translation>A report of the error was saved:
{0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ops/bridge.py" line="141"/>
        <source>エラーの記録はファイルに保存できませんでした（ディスクの空きや権限を確認してください）。</source>
        <translation>The error report could not be saved to a file (check the free disk space and permissions).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/ops/bridge.py" line="143"/>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
</context>
</TS>
