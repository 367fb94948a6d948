<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ja_JP">
<context>
    <name>BulkCsvDialog</name>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="47"/>
        <source>一括申請ファイル（CSV）を書き出す</source>
        <translation>Export the bulk-application file (CSV)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="50"/>
        <source>一覧に表示している「入力完了」の案件 {0} 件を、一括申請用テンプレートのシートごとのCSVファイルに書き出します。</source>
        <translation>Exports the {0} “Ready” cases shown in the list to CSV files, one per sheet of the bulk-application template.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="58"/>
        <source>保存先フォルダ</source>
        <translation>Destination folder</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="60"/>
        <source>参照(&amp;R)...</source>
        <translation>&amp;Browse...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="65"/>
        <source>保存先フォルダ(&amp;F):</source>
        <translation>Destination &amp;folder:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="69"/>
        <source>UTF-8（BOM付き）(&amp;U)</source>
        <translation>&amp;UTF-8 (with BOM)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="70"/>
        <source>Shift_JIS(&amp;S)</source>
        <translation>&amp;Shift_JIS</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="81"/>
        <source>Shift_JISでは、髙・﨑などの外字や機種依存文字は書けません。書き出す前に該当する申請人と項目を一覧にし、置き換え候補を示します。</source>
        <translation>Shift_JIS cannot carry gaiji and vendor-specific characters such as 髙 or 﨑. Before anything is written, the applicants and fields concerned are listed with a suggested replacement.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="86"/>
        <source>文字コード:</source>
        <translation>Encoding:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="88"/>
        <source>表示名（例: 男 male）(&amp;L)</source>
        <translation>&amp;Labels (e.g. 男 male)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="89"/>
        <source>コード（例: 1）(&amp;C)</source>
        <translation>&amp;Codes (e.g. 1)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="99"/>
        <source>プルダウン項目:</source>
        <translation>Pull-down cells:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="104"/>
        <source>書き出す</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="106"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="131"/>
        <source>一括申請ファイルの保存先</source>
        <translation>Folder for the bulk application file</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1"/>
        <source>申込画面から質問を取り込む(&amp;I)…</source>
        <translation>&amp;Import the questions from a saved application page…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1"/>
        <source>申込画面の取り込み</source>
        <translation>Import an application page</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1"/>
        <source>保存した申込画面 (*.html *.htm *.mhtml *.mht)</source>
        <translation>Saved application page (*.html *.htm *.mhtml *.mht)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1"/>
        <source>「{0}」から {1} を読み取りました。この事務所のデータとして取り込みますか？</source>
        <translation>Read {1} from "{0}". Install it for this office?</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1"/>
        <source>取り込みました。次にこのプログラムを起動したときから使われます。</source>
        <translation>Installed. It is used from the next start of the program.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1"/>
        <source>区分の変更</source>
        <translation>Change of 区分 (form)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1"/>
        <source>在留資格を選ぶと、その区分（様式）の質問だけをステップ2-2・2-3に表示します。</source>
        <translation>Once the status is chosen, Steps 2-2 and 2-3 show only the questions of its 区分 (form).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1"/>
        <source>この在留資格には区分（様式）の質問がありません。共通の項目だけを入力します。</source>
        <translation>This status has no 区分 (form) questions: only the common items are entered.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1"/>
        <source>区分{0}の様式で申請します。</source>
        <translation>Filed on the 区分 {0} form.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="299"/>
        <source>この項目の選択肢は公式データに含まれていないため、オンラインシステムの表示どおりに入力してください。</source>
        <translation>The choices for this item are not in the official data: type the value exactly as the online system shows it.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="189"/>
        <source>ステップ</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="198"/>
        <source>戻る(&amp;B)</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="200"/>
        <source>次へ(&amp;N)</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="203"/>
        <source>入力完了にする(&amp;D)</source>
        <translation>Mark as rea&amp;dy</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="205"/>
        <source>案件一覧に戻る</source>
        <translation>Back to the case list</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="244"/>
        <source>次のステップへ (Ctrl+PgDown)</source>
        <translation>Next step (Ctrl+PgDown)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="245"/>
        <source>前のステップへ (Ctrl+PgUp)</source>
        <translation>Previous step (Ctrl+PgUp)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="246"/>
        <source>入力完了にする (Ctrl+Enter)</source>
        <translation>Mark as ready to file (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="354"/>
        <source>ステップ{0}&#x3000;{1}</source>
        <translation>Step {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="397"/>
        <source>事務所の担当者の情報で入力(&amp;O)</source>
        <translation>Fill in from the &amp;office&apos;s staff member</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="399"/>
        <source>「事務所」メニューで選んだ担当者の氏名・住所・電話番号をこの欄に入れます</source>
        <translation>Puts the name, address and phone number of the staff member chosen in the Office menu into this block</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="456"/>
        <source>申請種別</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="463"/>
        <source>申請種別(&amp;K)（オンラインで申請できるものだけを表示しています）</source>
        <translation>&amp;Kind of procedure (only procedures that can be filed online are shown)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="470"/>
        <source>オンラインで申請できる期間</source>
        <translation>When it can be filed online</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="490"/>
        <source>在留期間の満了日を入力すると、オンラインで申請できる期間を表示します。</source>
        <translation>Enter the expiry date of the period of stay to see when the application can be filed online.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="493"/>
        <source>事由の生じた日を入力すると、オンラインで申請できる期間を表示します。</source>
        <translation>Enter the date of the event to see when the application can be filed online.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="506"/>
        <source>期間: {0} 〜 {1}</source>
        <translation>Window: {0} to {1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="507"/>
        <location filename="../../../assistant/ui/wizard.py" line="508"/>
        <source>制限なし</source>
        <translation>no limit</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="517"/>
        <source>申請種別の変更</source>
        <translation>Change the procedure</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="518"/>
        <source>申請種別を「{0}」に変更しますか？
入力済みの内容は引き継がれます。変更前の案件はゴミ箱に残ります。</source>
        <translation>Change the procedure to &quot;{0}&quot;?
Everything entered is kept. The case as it was stays in the recycle bin.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="532"/>
        <location filename="../../../assistant/ui/wizard.py" line="545"/>
        <location filename="../../../assistant/ui/wizard.py" line="598"/>
        <location filename="../../../assistant/ui/wizard.py" line="1259"/>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="548"/>
        <source>取次者</source>
        <translation>Filing agent</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="549"/>
        <source>担当者が選ばれていません。「事務所」メニューで担当者を登録・選択してください。</source>
        <translation>No staff member is chosen. Register or choose one in the Office menu.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="554"/>
        <source>取次者欄の入力</source>
        <translation>Filling in the filing agent block</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="557"/>
        <location filename="../../../assistant/ui/wizard.py" line="792"/>
        <source>取次者欄に {0} 項目を入力しました。</source>
        <translation>{0} item(s) of the filing agent block filled in.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="606"/>
        <location filename="../../../assistant/ui/wizard.py" line="611"/>
        <source>残っている問題</source>
        <translation>Problems left</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="619"/>
        <source>問題を選んで Enter キーを押すと（またはダブルクリックすると）、その入力欄へ移動します。</source>
        <translation>Select a problem and press Enter (or double-click it) to go to its field.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="626"/>
        <source>在留カード等の受領方法</source>
        <translation>How the residence card is received</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="649"/>
        <source>入力内容の一覧（オンラインシステムの画面の順）</source>
        <translation>Everything entered (in the order of the online screens)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="703"/>
        <source>受領方法の選択</source>
        <translation>Choice of receipt method</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="744"/>
        <source>（添付なし）</source>
        <translation>(nothing attached)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="832"/>
        <source>保存できませんでした</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="909"/>
        <source>「{0}」の入力</source>
        <translation>Typing in &quot;{0}&quot;</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="937"/>
        <source>{0} {1}件目の削除</source>
        <translation>Removing {0} no. {1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1033"/>
        <source>ステップ{0}
{1}</source>
        <translation>Step {0}
{1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1036"/>
        <source>問題 {0} 件</source>
        <translation>{0} problem(s)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1039"/>
        <source>確認事項 {0} 件</source>
        <translation>{0} to check</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1042"/>
        <source>完了</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="929"/>
        <source>入力中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="929"/>
        <source>未入力</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="934"/>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1046"/>
        <source>ファイルを確認中…</source>
        <translation>Checking files…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1063"/>
        <source>ステップ{0}</source>
        <translation>Step {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1068"/>
        <source>（{0}件目）</source>
        <translation> (no. {0})</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1081"/>
        <source>問題 {0} 件・確認事項 {1} 件。入力完了にするには問題を解決してください（確認事項 △ は見直すだけで構いません）。</source>
        <translation>{0} problem(s) and {1} to check. Solve the problems to mark the case as ready to file (the points to check, △, only need a look).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1085"/>
        <source>問題 {0} 件。入力完了にするには、これらを解決してください。</source>
        <translation>{0} problem(s). Solve them to mark the case as ready to file.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1099"/>
        <source>問題はありません。確認事項 {0} 件（△）を見直してから入力完了にしてください。</source>
        <translation>No problems. Review the {0} point(s) to check (△), then mark the case as ready to file.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1089"/>
        <source>添付ファイルを確認しています…（確認が終わると、ファイルの問題がこの一覧に加わることがあります）</source>
        <translation>Checking the attached files… (problems with the files may be added to this list when the check is done)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1095"/>
        <source>添付ファイルを確認しています…。確認が終わるまで、問題がないかどうかはまだ分かりません。</source>
        <translation>Checking the attached files… Until the check is done it is not known whether any problems are left.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1102"/>
        <source>問題はありません。入力完了にできます。</source>
        <translation>No problems. The case can be marked as ready to file.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1243"/>
        <location filename="../../../assistant/ui/wizard.py" line="1250"/>
        <source>入力完了にできません</source>
        <translation>Not ready to file yet</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1244"/>
        <source>添付ファイルを確認しています。確認が終わってから、もう一度「入力完了にする」を押してください。</source>
        <translation>The attached files are still being checked. When the check is done, press “Mark as ready” again.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1251"/>
        <source>まだ {0} 件の問題があります。一覧から選んで修正してください。</source>
        <translation>{0} problem(s) are left. Choose one in the list to correct it.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1264"/>
        <source>入力完了</source>
        <translation>Ready to file</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1265"/>
        <source>「{0}」を入力完了にしました。</source>
        <translation>&quot;{0}&quot; is marked as ready to file.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1270"/>
        <source>（氏名未入力）</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1272"/>
        <source>【サンプル】{0}</source>
        <translation>[Sample] {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1273"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="1276"/>
        <source>{0}&#x3000;— {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>エラーがあるため下書きに戻しました: {0}</source>
        <translation>Back to draft because of an error: {0}</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="67"/>
        <source>氏名または在留カード番号で検索 (Ctrl+F)</source>
        <translation>Search by name or residence card number (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="70"/>
        <source>検索(&amp;S):</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="74"/>
        <source>すべての申請種別</source>
        <translation>All procedures</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="78"/>
        <source>申請種別(&amp;P):</source>
        <translation>&amp;Procedure:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="82"/>
        <source>すべての状態</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="86"/>
        <source>状態(&amp;T):</source>
        <translation>S&amp;tate:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="107"/>
        <source>案件はまだありません。
「新しい案件」(Ctrl+N) から最初の案件を作成してください。</source>
        <translation>No cases yet.
Create the first one with &quot;New case&quot; (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="113"/>
        <source>検索・絞り込みの条件に合う案件はありません。</source>
        <translation>No case matches the search or the filters.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="116"/>
        <source>条件を解除してすべての案件を表示(&amp;A)</source>
        <translation>Clear the search and filters to show &amp;all cases</translation>
    </message>
    <message>
        <source>氏名・カナ・在留カード番号・勤務先・申請番号などで検索 (Ctrl+F)</source>
        <translation>Search names, kana, card numbers, employer, application numbers … (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="94"/>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="94"/>
        <source>国籍・地域</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="94"/>
        <source>申請種別</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="94"/>
        <source>現在の在留資格</source>
        <translation>Current status</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="95"/>
        <source>在留期間満了日</source>
        <translation>Expiry date</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="95"/>
        <source>オンライン申請</source>
        <translation>Online filing</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="95"/>
        <source>案件の状態</source>
        <translation>Case state</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="96"/>
        <source>申請受付番号</source>
        <translation>Application number</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="96"/>
        <source>最終更新</source>
        <translation>Last change</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="207"/>
        <source>架空の申請人による練習用のサンプル案件です。</source>
        <translation>A sample case with a fictitious applicant, for practice.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="209"/>
        <source>在留カード番号: {0}</source>
        <translation>Residence card number: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="214"/>
        <source>（氏名未入力）</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/case_list.py" line="215"/>
        <source>【サンプル】{0}</source>
        <translation>[Sample] {0}</translation>
    </message>
    <message>
        <source>担当者</source>
        <translation>Staff</translation>
    </message>
</context>
<context>
    <name>CharacterReportDialog</name>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="160"/>
        <source>Shift_JISで書けない文字があります</source>
        <translation>Some characters cannot be written in Shift_JIS</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="165"/>
        <source>次の文字はShift_JISのCSVに書けないため、何も書き出していません。置き換え候補で案件を直して書き出すか、案件を開いて直してください。</source>
        <translation>The characters below cannot be written to a Shift_JIS CSV, so nothing has been exported. Put the suggested replacements into the cases and export, or open the cases and correct them.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="170"/>
        <source>人目</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="170"/>
        <source>申請人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="170"/>
        <source>項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="170"/>
        <source>文字</source>
        <translation>Character</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="171"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="171"/>
        <source>置き換え候補</source>
        <translation>Use instead</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="177"/>
        <source>書けない文字の一覧</source>
        <translation>Characters that cannot be written</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="178"/>
        <source>Shift_JISにない文字</source>
        <translation>Not in Shift_JIS</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="179"/>
        <source>外字・機種依存文字</source>
        <translation>Gaiji / vendor-specific</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="180"/>
        <source>別の文字に変わる</source>
        <translation>Turns into another character</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="186"/>
        <source>（候補なし: 手で直してください）</source>
        <translation>(none: correct it by hand)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="199"/>
        <source>候補に置き換えて書き出す(&amp;R)</source>
        <translation>&amp;Replace and export</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="203"/>
        <source>候補のない文字が {0} 件あります。置き換えても、その案件を直すまでShift_JISでは書き出せません。</source>
        <translation>{0} character(s) have no suggested replacement. Even after replacing the others, Shift_JIS export is not possible until those cases are corrected.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_csv.py" line="207"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>OnlineFill</name>
    <message>
        <source>ほか {n} 件</source>
        <translation>and {n} more</translation>
    </message>
    <message>
        <source>オンラインシステムに入力</source>
        <translation>Fill the online system's page</translation>
    </message>
    <message>
        <source>この案件はまだオンラインシステムに入力できません：</source>
        <translation>This case cannot be filled into the online system yet:</translation>
    </message>
    <message>
        <source>入力データ（{n} 項目）をコピーしました。{s} 秒後にクリップボードから消えます。

オンラインシステムの「{title}」の申込画面で、ブックマークレット（または拡張機能のボタン）を押して貼り付けてください。顔写真と添付書類は手で添付してください。</source>
        <translation>The fill data ({n} items) is on the clipboard; it is cleared in {s} seconds.

On the online system's application page for “{title}”, click the bookmarklet (or the extension's button) and paste it. Attach the photo and the documents by hand.</translation>
    </message>
    <message>
        <source>申込画面に対応する項目がない値（画面で直接入力してください）：</source>
        <translation>Values the page has no item for (type them on the page):</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>オンラインシステムに入力(&amp;N)...</source>
        <translation>Fill the o&amp;nline system's page...</translation>
    </message>
    <message>
        <source>選択した案件を検査し、申込画面に入力するデータをクリップボードにコピーします（60秒後に消去）</source>
        <translation>Checks the selected case and copies the data for the online system's application page to the clipboard (cleared after 60 seconds)</translation>
    </message>
    <message>
        <source>公式ワークブックに書き込む(&amp;O)...</source>
        <translation>Fill the &amp;official workbook...</translation>
    </message>
    <message>
        <source>一覧に表示している「入力完了」の案件を、ISAからダウンロードした一括申請用テンプレート（.xlsm）のコピーに書き込みます（マクロ・ボタン・プルダウンはそのまま）</source>
        <translation>Writes the “Ready” cases shown in the list into a copy of ISA's bulk-application workbook (.xlsm) you downloaded (its macros, buttons and pull-downs stay as they are)</translation>
    </message>
    <message>
        <source>ISAの一括申請用テンプレート（{0}）を選ぶ</source>
        <translation>Choose ISA's bulk-application workbook ({0})</translation>
    </message>
    <message>
        <source>Excel マクロ有効ブック (*.xlsm);;Excel ブック (*.xlsx)</source>
        <translation>Excel macro-enabled workbook (*.xlsm);;Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>公式ワークブックに書き込む</source>
        <translation>Fill the official workbook</translation>
    </message>
    <message>
        <source>入力完了の案件の申請種別が分かれています。書き込む申請種別(&amp;P):</source>
        <translation>The ready cases are of several procedures. &amp;Procedure to write:</translation>
    </message>
    <message>
        <source>書き込んだワークブックの保存先（テンプレート: {0}）</source>
        <translation>Save the filled workbook as (template: {0})</translation>
    </message>
    <message>
        <source>{0}_記入済み_{1}人.xlsm</source>
        <translation>{0}_filled_{1}.xlsm</translation>
    </message>
    <message>
        <source>Excel マクロ有効ブック (*.xlsm)</source>
        <translation>Excel macro-enabled workbook (*.xlsm)</translation>
    </message>
    <message>
        <source>{0} 人の申請人を書き込みました:
{1}

Excelで開き、マクロを有効にして、ISAのテンプレートのボタン（マクロ）でアップロード用のファイルを作ってください。</source>
        <translation>{0} applicants written:
{1}

Open it in Excel, enable macros and make the upload file with the button (macro) of ISA's workbook.</translation>
    </message>
    <message>
        <source>ワークブックの表記に合わせた選択肢: {0}</source>
        <translation>Choices written as the workbook spells them: {0}</translation>
    </message>
    <message>
        <source>公式ワークブックに書き込めませんでした</source>
        <translation>Could not fill the official workbook</translation>
    </message>
    <message>
        <source>公式ワークブックへの書き込み</source>
        <translation>Filling the official workbook</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="87"/>
        <source>書き出し(&amp;X)</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="89"/>
        <source>一括申請ファイル（CSV）を書き出す(&amp;B)...</source>
        <translation>&amp;Bulk application file (CSV)...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="91"/>
        <source>一覧に表示している「入力完了」の案件を、一括申請用テンプレートのCSVに書き出します</source>
        <translation>Write the cases shown in the list that are ready to file into the bulk-application template CSV</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="93"/>
        <source>入力転記シート（PDF）を書き出す(&amp;T)...</source>
        <translation>&amp;Transcription sheet (PDF)...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="96"/>
        <source>選択した案件の入力内容を、オンラインシステムの画面の順に並べたPDFにします</source>
        <translation>A PDF of the selected case in the order of the online screens</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="98"/>
        <source>結果受領チェックリスト（PDF）を書き出す(&amp;C)...</source>
        <translation>Result receipt &amp;checklist (PDF)...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="101"/>
        <source>一括申請ファイル（Excel）を書き出す(&amp;E)...</source>
        <translation>Bulk application files (E&amp;xcel)...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="103"/>
        <source>一覧に表示している「入力完了」の案件を、申請種別ごとのExcelファイルに書き出します</source>
        <translation>Writes the ready-to-file cases shown in the list into one Excel file per procedure</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="105"/>
        <source>一括申請ファイル（Excel）から取り込む(&amp;M)...</source>
        <translation>I&amp;mport the bulk-application file (Excel)...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="108"/>
        <source>Excelで直した一括申請ファイルを読み、案件を作成・更新します（問題のある行は取り込みません）</source>
        <translation>Reads a bulk-application workbook edited in Excel and creates or updates cases (rows with problems are not imported)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="111"/>
        <source>入力転記シートの印刷プレビュー(&amp;R)...</source>
        <translation>P&amp;review the transcription sheet...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="114"/>
        <source>入力転記シートを印刷(&amp;P)...</source>
        <translation>&amp;Print the transcription sheet...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="118"/>
        <source>結果受領チェックリストの印刷プレビュー(&amp;V)...</source>
        <translation>Pre&amp;view the result checklist...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="121"/>
        <source>結果受領チェックリストを印刷(&amp;I)...</source>
        <translation>Pr&amp;int the result checklist...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="125"/>
        <source>結果受領チェックリストをまとめて書き出す（一覧の案件）(&amp;A)...</source>
        <translation>Result checklists for &amp;all listed cases (PDF)...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="127"/>
        <source>一覧に表示している結果待ちの案件のうち、選んだ受領方法の案件を1つのPDFにまとめます（封筒の裏書き用の申請受付番号と人数つき）</source>
        <translation>Puts the listed cases awaiting a result that use the chosen receipt method into one PDF (with the application numbers and number of persons for the back of the envelope)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="157"/>
        <source>書き出し</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="158"/>
        <source>先に一覧で案件を選んでください。</source>
        <translation>Select a case in the list first.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="163"/>
        <location filename="../../../assistant/ui/export_actions.py" line="410"/>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="181"/>
        <location filename="../../../assistant/ui/export_actions.py" line="328"/>
        <location filename="../../../assistant/ui/export_actions.py" line="464"/>
        <location filename="../../../assistant/ui/export_actions.py" line="558"/>
        <source>書き出せませんでした</source>
        <translation>Could not export</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="289"/>
        <source>エラーのある案件があるため、何も書き出していません。直してから書き出してください。</source>
        <translation>Nothing was written: some cases have errors. Correct them and export again.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="185"/>
        <source>書き出しました: {0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="205"/>
        <location filename="../../../assistant/ui/export_actions.py" line="305"/>
        <location filename="../../../assistant/ui/export_actions.py" line="516"/>
        <source>一括申請ファイル</source>
        <translation>Bulk application file</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="206"/>
        <source>一覧に「入力完了」の案件がありません。案件を入力完了にしてから書き出してください。</source>
        <translation>No case in the list is ready to file. Mark cases as ready to file, then export.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="217"/>
        <location filename="../../../assistant/ui/export_actions.py" line="416"/>
        <source>郵送</source>
        <translation>By mail</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="217"/>
        <location filename="../../../assistant/ui/export_actions.py" line="416"/>
        <source>窓口</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="218"/>
        <location filename="../../../assistant/ui/export_actions.py" line="384"/>
        <location filename="../../../assistant/ui/export_actions.py" line="405"/>
        <source>結果受領チェックリスト</source>
        <translation>Result receipt checklist</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="219"/>
        <source>受領方法(&amp;M):</source>
        <translation>Receipt &amp;method:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="244"/>
        <source>印刷しました: {0}</source>
        <translation>Printed: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="259"/>
        <source>一括申請ファイルの保存先</source>
        <translation>Folder for the bulk application file</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="291"/>
        <source>一括申請ファイル（CSV）</source>
        <translation>Bulk-application file (CSV)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="300"/>
        <location filename="../../../assistant/ui/export_actions.py" line="517"/>
        <source>{0} 件の案件を書き出しました:
{1}</source>
        <translation>{0} case(s) exported:
{1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="303"/>
        <source>注意（{0} 件）:</source>
        <translation>Notes ({0}):</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="336"/>
        <source>{0} 件の案件の文字を置き換えました。</source>
        <translation>Replaced characters in {0} case(s).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="361"/>
        <source>入力転記シート</source>
        <translation>Transcription sheet</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="362"/>
        <location filename="../../../assistant/ui/export_actions.py" line="386"/>
        <location filename="../../../assistant/ui/export_actions.py" line="429"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="414"/>
        <source>一覧に結果待ちの案件（入力完了から審査完了まで）がありません。</source>
        <translation>The list shows no case awaiting a result (from “Ready to file” to “Review complete”).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="418"/>
        <source>どの受領方法の案件をまとめますか(&amp;M):</source>
        <translation>Cases of which receipt &amp;method?</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="426"/>
        <source>一覧の結果待ちの案件に、受領方法が「{0}」の案件がありません。</source>
        <translation>No listed case awaiting a result uses the receipt method “{0}”.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="428"/>
        <source>結果受領チェックリスト_{0}_{1}件.pdf</source>
        <translation>result_checklist_{0}_{1}_cases.pdf</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="469"/>
        <source>一括申請ファイル（Excel）</source>
        <translation>Bulk application files (Excel)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="480"/>
        <source>取り込む一括申請ファイル（Excel）</source>
        <translation>Bulk-application file (Excel) to import</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="481"/>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="486"/>
        <source>一括申請ファイル（Excel）の取り込み</source>
        <translation>Import of the bulk-application file (Excel)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="488"/>
        <source>{0} を読んでいます…</source>
        <translation>Reading {0}…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="504"/>
        <source>取り込めませんでした</source>
        <translation>Could not import</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="512"/>
        <source>取り込みました: 新しい案件 {0} 件、更新 {1} 件</source>
        <translation>Imported: {0} new case(s), {1} updated</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="523"/>
        <source>{0} 件の案件を書き出しています…</source>
        <translation>Exporting {0} cases…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="524"/>
        <source>中止</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/export_actions.py" line="565"/>
        <source>書き出しを中止しました。</source>
        <translation>The export was cancelled.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../../assistant/ui/field_widgets.py" line="144"/>
        <source>［必須］</source>
        <translation>[required]</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/field_widgets.py" line="198"/>
        <source>「20000101」「2000-01-01」「平成12年1月1日」「H12.1.1」の形で入力できます。</source>
        <translation>Accepted forms: 20000101, 2000-01-01, 平成12年1月1日, H12.1.1.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/field_widgets.py" line="200"/>
        <source>「200104」「2001/4」「2001年4月」「平成13年4月」の形で入力できます。</source>
        <translation>Accepted forms: 200104, 2001/4, 2001年4月, 平成13年4月.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/field_widgets.py" line="200"/>
        <source>例: {0}</source>
        <translation>e.g. {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/field_widgets.py" line="261"/>
        <source>入力して検索、または一覧から選択</source>
        <translation>Type to search, or choose from the list</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/field_widgets.py" line="269"/>
        <source>選択してください</source>
        <translation>Please choose</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="90"/>
        <source>一括申請ファイル（Excel）の取り込み</source>
        <translation>Import of the bulk-application file (Excel)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="96"/>
        <source>{0}: 新しい案件 {1} 件、更新する案件 {2} 件を取り込めます（変更のない案件 {3} 件）。</source>
        <translation>{0}: {1} new case(s) and {2} updated case(s) can be imported ({3} case(s) unchanged).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="105"/>
        <source>次の問題がある {0} 行は取り込みません（Excelで直してから、もう一度取り込んでください）。</source>
        <translation>The {0} row(s) with the problems below will not be imported (correct them in Excel and import again).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="110"/>
        <source>注意（取り込みはできます）:</source>
        <translation>Notes (the import can go ahead):</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="111"/>
        <source>シート</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="111"/>
        <source>セル</source>
        <translation>Cell</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="111"/>
        <source>項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="111"/>
        <source>値</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="112"/>
        <source>問題</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="119"/>
        <source>取り込めない行の問題</source>
        <translation>Problems of the rows that cannot be imported</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="136"/>
        <source>取り込む(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/bulk_import.py" line="139"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>バックアップと復元(&amp;K)...</source>
        <translation>Bac&amp;kups and restore...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="304"/>
        <source>新しい案件(&amp;N)...</source>
        <translation>&amp;New case...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="306"/>
        <source>申請種別を選んで新しい案件を作成します</source>
        <translation>Choose a procedure and create a new case</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="307"/>
        <source>開く(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="308"/>
        <source>選択した案件を開きます</source>
        <translation>Open the selected case</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="310"/>
        <source>複製して新しい案件に(&amp;D)</source>
        <translation>&amp;Duplicate as a new case</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="312"/>
        <source>選択した案件を元に新しい案件を作成します（昨年の更新申請から今年の申請を作るときなど）</source>
        <translation>Create a new case from the selected one (e.g. this year&apos;s renewal from last year&apos;s)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="313"/>
        <source>ゴミ箱へ移動(&amp;L)</source>
        <translation>Move to recyc&amp;le bin</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="315"/>
        <source>選択した案件をゴミ箱へ移動します（元に戻せます）</source>
        <translation>Move the selected case to the recycle bin (it can be restored)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="316"/>
        <source>ゴミ箱を開く(&amp;R)...</source>
        <translation>Open the &amp;recycle bin...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="317"/>
        <source>案件ファイルへ書き出す(&amp;E)...</source>
        <translation>&amp;Export case file...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="319"/>
        <source>案件ファイルを読み込む(&amp;I)...</source>
        <translation>&amp;Import case file...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="321"/>
        <source>設定(&amp;S)...</source>
        <translation>&amp;Settings...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="322"/>
        <source>終了(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="324"/>
        <source>検索(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="326"/>
        <source>案件一覧に戻る(&amp;B)</source>
        <translation>&amp;Back to the case list</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="328"/>
        <source>元に戻す(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="330"/>
        <source>やり直す(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="333"/>
        <source>このアプリについて(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="337"/>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="345"/>
        <source>編集(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="353"/>
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="355"/>
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="359"/>
        <source>ツールバー</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="420"/>
        <source>案件 {0} 件</source>
        <translation>{0} case(s)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="422"/>
        <source>案件 {0} 件中 {1} 件を表示</source>
        <translation>{1} of {0} case(s) shown</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="486"/>
        <source>この案件の申請種別には対応していないため、開けません。</source>
        <translation>This case is for a procedure this version does not know, so it cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="498"/>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="543"/>
        <source>案件を複製しました。在留カード番号と満了日は新しく入力してください。</source>
        <translation>Case duplicated. Enter the new residence card number and expiry date.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="553"/>
        <source>（氏名未入力）</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="555"/>
        <source>ゴミ箱へ移動</source>
        <translation>Move to recycle bin</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="556"/>
        <source>「{0}」の案件をゴミ箱へ移動しますか？
ゴミ箱からいつでも元に戻せます。</source>
        <translation>Move the case of &quot;{0}&quot; to the recycle bin?
It can be restored from the recycle bin at any time.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="565"/>
        <source>「{0}」をゴミ箱へ移動しました。</source>
        <translation>&quot;{0}&quot; moved to the recycle bin.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="595"/>
        <source>案件ファイルへ書き出す</source>
        <translation>Export case file</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="596"/>
        <location filename="../../../assistant/ui/main_window.py" line="614"/>
        <source>案件ファイル (*.json)</source>
        <translation>Case files (*.json)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="606"/>
        <source>「{0}」を書き出しました: {1}</source>
        <translation>&quot;{0}&quot; exported: {1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="613"/>
        <source>案件ファイルを読み込む</source>
        <translation>Import case file</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="626"/>
        <source>案件ファイルを読み込みました。</source>
        <translation>Case file imported.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="645"/>
        <source>このアプリについて</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="646"/>
        <source>在留申請 準備アシスタント {0}

在留申請オンラインシステムで申請する前に、申請内容・添付書類を事務所で準備・確認するためのアプリです。</source>
        <translation>Residence Application Assistant {0}

Prepares and checks applications and attachments in the office before they are filed on the ISA online system.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/main_window.py" line="650"/>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>期限一覧(&amp;D)...</source>
        <translation>&amp;Deadlines...</translation>
    </message>
    <message>
        <source>申請期限・追完期限・結果待ち・パスワードなどの期限を一覧します</source>
        <translation>Lists filing deadlines, documents due, results awaited, passwords and other dates</translation>
    </message>
    <message>
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
    <name>ReferenceDataRow</name>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="49"/>
        <source>公式テンプレートから更新(&amp;U)...</source>
        <translation>&amp;Update from the official template...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="51"/>
        <source>元に戻す(&amp;O)</source>
        <translation>Back to the &amp;original</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="70"/>
        <source>プログラムに含まれる選択肢を使っています。</source>
        <translation>Using the lists that come with the program.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="74"/>
        <source>{0} に {1} から更新した選択肢を使っています（{2}）。</source>
        <translation>Using lists updated on {0} from {1} ({2}).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="80"/>
        <source>ISAの一括申請用テンプレート</source>
        <translation>ISA bulk-application template</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="81"/>
        <source>Excel ブック (*.xlsm *.xlsx)</source>
        <translation>Excel workbook (*.xlsm *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="86"/>
        <location filename="../../../assistant/ui/reference_data.py" line="120"/>
        <location filename="../../../assistant/ui/reference_data.py" line="127"/>
        <source>参照データの更新</source>
        <translation>Update of the reference data</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="87"/>
        <source>このテンプレートの申請種別(&amp;P):</source>
        <translation>&amp;Procedure of this template:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="91"/>
        <source>{0} を読んでいます…</source>
        <translation>Reading {0}…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="92"/>
        <source>中止</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="119"/>
        <source>更新した選択肢は、次にこのプログラムを起動したときから使われます。</source>
        <translation>The updated lists are used from the next start of the program.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="133"/>
        <location filename="../../../assistant/ui/reference_data.py" line="141"/>
        <source>参照データ</source>
        <translation>Reference data</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="134"/>
        <source>更新した選択肢を消して、プログラムに含まれる選択肢に戻しますか？（次の起動から使われます）</source>
        <translation>Remove the updated lists and go back to the lists that come with the program? (Takes effect at the next start.)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/reference_data.py" line="142"/>
        <source>元に戻せませんでした: {0}</source>
        <translation>Could not go back: {0}</translation>
    </message>
</context>
<context>
    <name>RepeatGroupBox</name>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="91"/>
        <source>追加(&amp;A)</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="96"/>
        <source>{0}件目</source>
        <translation>No. {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="97"/>
        <source>{0}人目</source>
        <translation>Person {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="101"/>
        <source>この{0}件目を削除</source>
        <translation>Remove no. {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/wizard.py" line="103"/>
        <source>この{0}人目を削除</source>
        <translation>Remove person {0}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="45"/>
        <location filename="../../../assistant/ui/settings_dialog.py" line="116"/>
        <source>設定</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="53"/>
        <source>{0}（既定）</source>
        <translation>{0} (default)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="66"/>
        <source>参照(&amp;B)...</source>
        <translation>&amp;Browse...</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="73"/>
        <source>表示名（例: 男 male）</source>
        <translation>Labels (e.g. 男 male)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="74"/>
        <source>コード（例: 1）</source>
        <translation>Codes (e.g. 1)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="79"/>
        <source>規則のプロファイル(&amp;P):</source>
        <translation>Rule &amp;profile:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="80"/>
        <source>表示言語(&amp;L):</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="81"/>
        <source>データの保存先(&amp;D):</source>
        <translation>&amp;Data folder:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="84"/>
        <source>一括申請ファイルのプルダウン欄(&amp;C):</source>
        <translation>Pull-down &amp;cells in bulk files:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="88"/>
        <source>プルダウンの選択肢:</source>
        <translation>Pull-down lists:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="89"/>
        <source>データの保存先を空欄にすると既定のフォルダを使います。表示言語と保存先の変更はすぐに反映されます。</source>
        <translation>Leave the data folder empty to use the default folder. A new language or data folder takes effect at once.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="94"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="105"/>
        <source>データの保存先</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/settings_dialog.py" line="117"/>
        <source>データの保存先を作成できません: {0}</source>
        <translation>Cannot create the data folder: {0}</translation>
    </message>
    <message>
        <source>申請期限を表示（何日前から）(&amp;W):</source>
        <translation>Sho&amp;w filing deadlines (days ahead):</translation>
    </message>
    <message>
        <source>次の更新を表示（開始の何日前から）(&amp;N):</source>
        <translation>Show &amp;next renewal windows (days before they open):</translation>
    </message>
    <message>
        <source>結果待ちを表示（申請から何日後）(&amp;R):</source>
        <translation>Show awaited &amp;results (days after filing):</translation>
    </message>
    <message>
        <source>パスワード・届出済証明書（何日前から）(&amp;O):</source>
        <translation>Passw&amp;ord / agent certificate (days ahead):</translation>
    </message>
    <message>
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
        <location filename="../../../assistant/ui/trash.py" line="91"/>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>ask</name>
    <message>
        <source>ディスクの空き容量が足りません。空きを作ってからもう一度お試しください。</source>
        <translation>The disk is full. Free some space and try again.</translation>
    </message>
    <message>
        <source>ファイルまたはフォルダーへの書き込み・読み取りが許可されていません: {0}</source>
        <translation>You are not allowed to read or write this file or folder: {0}</translation>
    </message>
    <message>
        <source>ファイルまたはフォルダーが見つかりません: {0}</source>
        <translation>File or folder not found: {0}</translation>
    </message>
    <message>
        <source>ファイルを読み書きできませんでした: {0}</source>
        <translation>The file could not be read or written: {0}</translation>
    </message>
    <message>
        <source>予期しないエラーが発生しました。</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>ほか {0} 件</source>
        <translation>and {0} more</translation>
    </message>
    <message>
        <source>書き出せません</source>
        <translation>Cannot write there</translation>
    </message>
    <message>
        <source>上書きの確認</source>
        <translation>Replace files?</translation>
    </message>
    <message>
        <source>次のファイルは既にあります。上書きしますか？
{0}</source>
        <translation>These files already exist. Replace them?
{0}</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>予期しないエラーが発生しました。</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <source>エラーの記録を保存しました:
{0}</source>
        <translation>A report of the error was saved:
{0}</translation>
    </message>
    <message>
        <source>エラーの記録はファイルに保存できませんでした（ディスクの空きや権限を確認してください）。</source>
        <translation>The error report could not be saved to a file (check the free disk space and permissions).</translation>
    </message>
    <message>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>StatusActions</name>
    <message>
        <source>申請済にする(&amp;F)...</source>
        <translation>Mark as &amp;filed...</translation>
    </message>
    <message>
        <source>受付番号を記録(&amp;A)...</source>
        <translation>Record the &amp;application number...</translation>
    </message>
    <message>
        <source>審査中にする(&amp;R)...</source>
        <translation>Mark as under &amp;review...</translation>
    </message>
    <message>
        <source>追完待ちにする(&amp;W)...</source>
        <translation>Mark as a&amp;waiting documents...</translation>
    </message>
    <message>
        <source>審査完了にする(&amp;C)...</source>
        <translation>Mark as review &amp;complete...</translation>
    </message>
    <message>
        <source>完了にする(&amp;K)...</source>
        <translation>Mar&amp;k as completed...</translation>
    </message>
    <message>
        <source>不許可にする(&amp;U)...</source>
        <translation>Mark as ref&amp;used...</translation>
    </message>
    <message>
        <source>取下げにする(&amp;T)...</source>
        <translation>Mark as wi&amp;thdrawn...</translation>
    </message>
    <message>
        <source>状態を進める(&amp;S)...</source>
        <translation>Next &amp;status...</translation>
    </message>
    <message>
        <source>選択した案件の次の状態（申請済・受付済・審査中…）を記録します</source>
        <translation>Records the selected case&apos;s next status (filed, accepted, under review …)</translation>
    </message>
    <message>
        <source>次の更新案件を作成(&amp;N)</source>
        <translation>Prepare the &amp;next renewal</translation>
    </message>
    <message>
        <source>完了した案件から次の在留期間更新の案件を作ります（在留カード番号などは引き継ぎません）</source>
        <translation>Creates the next renewal from a completed case (the card number and similar values are not carried over)</translation>
    </message>
    <message>
        <source>申請(&amp;A)</source>
        <translation>&amp;Application</translation>
    </message>
    <message>
        <source>状態を進める</source>
        <translation>Next status</translation>
    </message>
    <message>
        <source>次の状態(&amp;S):</source>
        <translation>Next &amp;status:</translation>
    </message>
    <message>
        <source>記録できません</source>
        <translation>Cannot record</translation>
    </message>
    <message>
        <source>確認してください</source>
        <translation>Please check</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>{0} を「{1}」にします。</source>
        <translation>{0} becomes “{1}”.</translation>
    </message>
    <message>
        <source>（氏名未入力）</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <source>例: {0}</source>
        <translation>e.g. {0}</translation>
    </message>
    <message>
        <source>例: 2026-12-10 / 令和8年12月10日</source>
        <translation>e.g. 2026-12-10 / 令和8年12月10日</translation>
    </message>
    <message>
        <source>例: 5年</source>
        <translation>e.g. 5年 (5 years)</translation>
    </message>
    <message>
        <source>例: 2031-12-10 / 令和13年12月10日</source>
        <translation>e.g. 2031-12-10 / 令和13年12月10日</translation>
    </message>
    <message>
        <source>申請受付仮番号(&amp;N):</source>
        <translation>Provisional &amp;number:</translation>
    </message>
    <message>
        <source>申請受付番号(&amp;N):</source>
        <translation>Application &amp;number:</translation>
    </message>
    <message>
        <source>日付(&amp;D):</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>提出期限(&amp;U):</source>
        <translation>D&amp;ue date:</translation>
    </message>
    <message>
        <source>許可された在留期間(&amp;P):</source>
        <translation>&amp;Period granted:</translation>
    </message>
    <message>
        <source>新しい満了日(&amp;X):</source>
        <translation>New e&amp;xpiry date:</translation>
    </message>
    <message>
        <source>メモ(&amp;M):</source>
        <translation>&amp;Memo:</translation>
    </message>
    <message>
        <source>求められた書類など(&amp;M):</source>
        <translation>Docu&amp;ments asked for:</translation>
    </message>
</context>
<context>
    <name>DeadlinesDialog</name>
    <message>
        <source>期限一覧</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <source>期限日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>残り</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>What</translation>
    </message>
    <message>
        <source>設定した日数の範囲に期限はありません。</source>
        <translation>Nothing is due within the days set.</translation>
    </message>
    <message>
        <source>カレンダーに書き出す(&amp;I)...</source>
        <translation>Export to &amp;calendar...</translation>
    </message>
    <message>
        <source>Outlook や Google カレンダーに読み込める iCalendar (.ics) ファイルに書き出します。書き出し直すと同じ予定が更新されます。</source>
        <translation>Writes an iCalendar (.ics) file for Outlook or Google Calendar. Exporting again updates the same events.</translation>
    </message>
    <message>
        <source>申請期限</source>
        <translation>Filing deadline</translation>
    </message>
    <message>
        <source>次の更新</source>
        <translation>Next renewal</translation>
    </message>
    <message>
        <source>追完期限</source>
        <translation>Documents due</translation>
    </message>
    <message>
        <source>結果待ち</source>
        <translation>Awaiting result</translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>届出済証明書</source>
        <translation>Agent certificate</translation>
    </message>
    <message>
        <source>{0} 日経過</source>
        <translation>{0} days ago</translation>
    </message>
    <message>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>あと {0} 日</source>
        <translation>in {0} days</translation>
    </message>
    <message>
        <source>期限 {0} 件（今週が期限: {1} 件）</source>
        <translation>{0} deadlines ({1} due this week)</translation>
    </message>
    <message>
        <source>カレンダーに書き出す</source>
        <translation>Export to calendar</translation>
    </message>
    <message>
        <source>iCalendar ファイル (*.ics)</source>
        <translation>iCalendar files (*.ics)</translation>
    </message>
    <message>
        <source>{0} 件の期限を書き出しました: {1}</source>
        <translation>Exported {0} deadlines: {1}</translation>
    </message>
</context>
<context>
    <name>DocumentListsDialog</name>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="41"/>
        <source>提出書類リスト</source>
        <translation>Document lists</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="48"/>
        <source>認定</source>
        <translation>COE</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="48"/>
        <source>変更</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="49"/>
        <source>更新</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="54"/>
        <source>在留資格:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="56"/>
        <source>申請:</source>
        <translation>Procedure:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="61"/>
        <source>書類</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="61"/>
        <source>詳細</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="61"/>
        <source>英語</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="61"/>
        <source>条件</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="61"/>
        <source>出典</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="62"/>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="62"/>
        <source>出典の種類</source>
        <translation>Kind of source</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="73"/>
        <source>行を追加</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="74"/>
        <source>行を削除</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="75"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="76"/>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="215"/>
        <source>元に戻す</source>
        <translation>Revert</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="77"/>
        <source>書き出す…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="78"/>
        <source>読み込む…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="79"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="146"/>
        <source>（事務所版）</source>
        <translation> (office's)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="162"/>
        <source>事務所のリストです（データフォルダーに保存、出荷時のリストより優先）。「元に戻す」で出荷時のリストに戻ります。</source>
        <translation>This is the office's list (kept in the data folder, used instead of the shipped list). Revert returns to the shipped list.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="165"/>
        <source>出荷時のリストです（公開情報から集めた出発点、一部のみ）。保存すると事務所のリストになります。</source>
        <translation>This is the shipped list (a partial starting point collected from public pages). Saving makes it the office's list.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="169"/>
        <source>「条件」に書ける条件: {0}</source>
        <translation>Conditions you can write under Condition: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="216"/>
        <source>事務所のリストを削除し、出荷時のリストに戻しますか？</source>
        <translation>Delete the office's list and return to the shipped list?</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="228"/>
        <source>リストの書き出し先</source>
        <translation>Export the list to</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="239"/>
        <source>読み込むリスト</source>
        <translation>List to import</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="245"/>
        <source>読み込めません</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="256"/>
        <source>提出書類リスト:</source>
        <translation>Document lists:</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/document_lists_dialog.py" line="257"/>
        <source>提出書類リストの編集(&amp;D)...</source>
        <translation>Edit &amp;document lists...</translation>
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
        <translation>Imports a category's questions from the online system's application page saved from the browser. Imports and deletions are used from the next start. The forms that come with the program cannot be deleted.</translation>
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
        <location filename="../../../assistant/ui/forms_dialog.py" line="98"/>
        <source>申込画面の取り込み</source>
        <translation>Import an application page</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="100"/>
        <source>保存した申込画面 (*.html *.htm *.mhtml *.mht)</source>
        <translation>Saved application pages (*.html *.htm *.mhtml *.mht)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="114"/>
        <source>「{0}」を読み取りました。</source>
        <translation>Read “{0}”.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="115"/>
        <source>申請の種類: {0}&#x3000;区分: {1}&#x3000;質問: {2}</source>
        <translation>Procedure: {0}   Category: {1}   Questions: {2}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="119"/>
        <source>この区分の様式はまだありません（新しく追加されます）。</source>
        <translation>There is no form for this category yet (it will be added).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="121"/>
        <source>今の様式との違い: {0} 件</source>
        <translation>Differences from the current form: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="125"/>
        <source>ほか {0} 件</source>
        <translation>and {0} more</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="127"/>
        <source>今の様式と同じです。</source>
        <translation>Same as the current form.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="128"/>
        <source>この事務所のデータとして取り込みますか？</source>
        <translation>Install it for this office?</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="138"/>
        <source>取り込みました。次にこのプログラムを起動したときから使われます。</source>
        <translation>Installed. It is used from the next start of the program.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="147"/>
        <source>申請様式の削除</source>
        <translation>Delete an application form</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="149"/>
        <source>「{0}」（区分{1}）の取り込んだ様式を削除しますか？次の起動から使われなくなります。</source>
        <translation>Delete the imported form “{0}” (category {1})? It is no longer used from the next start.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="145"/>
        <source>追加</source>
        <translation>added</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="145"/>
        <source>なくなった</source>
        <translation>removed</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="145"/>
        <source>項目名の変更</source>
        <translation>label changed</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="145"/>
        <source>入力の種類の変更</source>
        <translation>input kind changed</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="145"/>
        <source>必須かどうかの変更</source>
        <translation>required changed</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="145"/>
        <source>文字数の変更</source>
        <translation>length changed</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/forms_dialog.py" line="145"/>
        <source>選択肢の変更</source>
        <translation>choices changed</translation>
    </message>
</context>
</TS>
