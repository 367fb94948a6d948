<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
<context>
    <name>AttachmentChecker</name>
    <message>
        <location filename="../../../assistant/ui/attachments/checker.py" line="238"/>
        <source>添付ファイルを確認できませんでした</source>
        <translation>Could not check the attached files</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../../assistant/ui/attachments/panel.py" line="54"/>
        <source>資料（PDF・スキャン画像）</source>
        <translation>Documents (PDF, scanned images)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/panel.py" line="160"/>
        <source>追加できないもの</source>
        <translation>Cannot be added</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/panel.py" line="220"/>
        <source>追加する資料を選択</source>
        <translation>Choose documents to add</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/panel.py" line="221"/>
        <source>PDF・画像 ({0})</source>
        <translation>PDF and images ({0})</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/panel.py" line="229"/>
        <source>送信用資料.pdf</source>
        <translation>documents-to-send.pdf</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/panel.py" line="230"/>
        <source>送信用 PDF の保存先</source>
        <translation>Save the file to send as</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/panel.py" line="231"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/panel.py" line="259"/>
        <source>写真を開けませんでした。写真の確認結果を見てください。</source>
        <translation>Could not open the photo. See what its check found.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/panel.py" line="240"/>
        <source>顔写真を選択</source>
        <translation>Choose the face photo</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/panel.py" line="241"/>
        <source>画像 ({0})</source>
        <translation>Images ({0})</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/panel.py" line="258"/>
        <source>写真を切り抜く</source>
        <translation>Crop photo</translation>
    </message>
</context>
<context>
    <name>DocumentsSection</name>
    <message>
        <location filename="../../../assistant/ui/attachments/document_list.py" line="127"/>
        <source>ここに PDF や スキャン画像をドラッグ＆ドロップするか、「追加」を押してください。</source>
        <translation>Drag and drop PDFs or scanned images here, or press &quot;Add&quot;.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/document_list.py" line="135"/>
        <source>追加(&amp;A)…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/document_list.py" line="137"/>
        <source>削除(&amp;R)</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/document_list.py" line="139"/>
        <source>上へ(&amp;U)</source>
        <translation>&amp;Up</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/document_list.py" line="141"/>
        <source>下へ(&amp;W)</source>
        <translation>Do&amp;wn</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/document_list.py" line="263"/>
        <source>確認中…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/document_list.py" line="270"/>
        <source>{0}・{1} ページ</source>
        <translation>{0}, {1} page(s)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/document_list.py" line="273"/>
        <source>✔ 問題ありません</source>
        <translation>✔ No problems</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/document_list.py" line="299"/>
        <source>PDF 1 ファイル・{0} MB まで。複数の資料は、指定した順に 1 つの PDF にまとめて送信します。</source>
        <translation>One PDF file of up to {0} MB. Several documents are merged into one PDF in the order shown.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/document_list.py" line="303"/>
        <source>資料と顔写真を合わせて {0} ファイル・合計 {1} MB まで。資料は指定した順に 1 つの PDF にまとめます。</source>
        <translation>Up to {0} files and {1} MB in total, documents and photo together. The documents are merged into one PDF in the order given.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/document_list.py" line="307"/>
        <source>資料と顔写真の合計 {0} MB まで。資料は指定した順に 1 つの PDF にまとめます。</source>
        <translation>Up to {0} MB for documents and photo together. The documents are merged into one PDF in the order shown.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/document_list.py" line="318"/>
        <source>資料</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/document_list.py" line="318"/>
        <source>資料と写真</source>
        <translation>Documents and photo</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/document_list.py" line="319"/>
        <source>{0}の合計 {1} MB / 上限 {2} MB</source>
        <translation>{0}: {1} MB of at most {2} MB</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/document_list.py" line="322"/>
        <source>・ファイル {0} / 上限 {1}</source>
        <translation> · files {0} / limit {1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/document_list.py" line="328"/>
        <source>上限を超えています。「送信用 PDF を作成」で画像を圧縮し、それでも入らなければ分割して「資料添付に関する申告書」（参考様式9）を添える案内をします。</source>
        <translation>Over the limit. &quot;Create the file to send&quot; compresses the images and, if they still do not fit, splits the PDF and tells you to add the declaration on attachments (参考様式9).</translation>
    </message>
</context>
<context>
    <name>PhotoCropDialog</name>
    <message>
        <location filename="../../../assistant/ui/attachments/crop_dialog.py" line="175"/>
        <source>写真を切り抜く</source>
        <translation>Crop photo</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/crop_dialog.py" line="187"/>
        <source>枠をドラッグして動かし、ホイールかスライダーで大きさを変えます。頭の上と顎を点線に合わせてください（縦 4 cm × 横 3 cm）。</source>
        <translation>Drag the frame to move it; use the wheel or the slider to resize it. Align the top of the head and the chin with the dotted lines (4 cm high × 3 cm wide).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/crop_dialog.py" line="197"/>
        <source>拡大</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/crop_dialog.py" line="219"/>
        <source>{0} × {1} ピクセル</source>
        <translation>{0} × {1} pixels</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/crop_dialog.py" line="233"/>
        <source>切り抜いた写真の保存先</source>
        <translation>Save the cropped photo as</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/crop_dialog.py" line="234"/>
        <source>JPEG 画像 (*.jpg)</source>
        <translation>JPEG image (*.jpg)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/crop_dialog.py" line="246"/>
        <source>元の写真は上書きできません。別の名前で保存してください。</source>
        <translation>The original photo cannot be overwritten. Save under another name.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/crop_dialog.py" line="251"/>
        <source>写真を保存できませんでした</source>
        <translation>Could not save the photo</translation>
    </message>
</context>
<context>
    <name>PhotoSection</name>
    <message>
        <location filename="../../../assistant/ui/attachments/photo_section.py" line="44"/>
        <source>顔写真（縦 4 cm × 横 3 cm）</source>
        <translation>Face photo (4 cm high × 3 cm wide)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/photo_section.py" line="52"/>
        <source>写真を選択…</source>
        <translation>Choose photo…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/photo_section.py" line="54"/>
        <source>写真を切り抜く…</source>
        <translation>Crop photo…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/photo_section.py" line="56"/>
        <source>撮影日を入力する</source>
        <translation>Enter the date taken</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/photo_section.py" line="62"/>
        <source>yyyy年M月d日</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/photo_section.py" line="160"/>
        <source>顔写真はまだ選択されていません。</source>
        <translation>No face photo chosen yet.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/photo_section.py" line="162"/>
        <source>写真なし</source>
        <translation>No photo</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/photo_section.py" line="170"/>
        <source>不明</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/photo_section.py" line="172"/>
        <source>{0}（{1} ピクセル・撮影日 {2}）</source>
        <translation>{0} ({1} pixels, taken {2})</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/photo_section.py" line="175"/>
        <source>✔ 問題ありません</source>
        <translation>✔ No problems</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/photo_section.py" line="184"/>
        <source>表示できません</source>
        <translation>Cannot show</translation>
    </message>
</context>
<context>
    <name>PrepareSection</name>
    <message>
        <location filename="../../../assistant/ui/attachments/prepare_section.py" line="37"/>
        <source>送信用 PDF を作成…</source>
        <translation>Create the file to send…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/prepare_section.py" line="39"/>
        <source>中止</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/prepare_section.py" line="88"/>
        <source>確認しています: {0}</source>
        <translation>Checking: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/prepare_section.py" line="116"/>
        <source>送信用 PDF を作成しています…</source>
        <translation>Creating the file to send…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/prepare_section.py" line="125"/>
        <source>中止しています…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/prepare_section.py" line="128"/>
        <source>資料を読み込んでいます…</source>
        <translation>Reading the documents…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/prepare_section.py" line="129"/>
        <source>1 つの PDF にまとめています…</source>
        <translation>Merging into one PDF…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/prepare_section.py" line="130"/>
        <source>画像を圧縮しています…</source>
        <translation>Compressing images…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/prepare_section.py" line="131"/>
        <source>上限に収まるよう分割しています…</source>
        <translation>Splitting to fit the limit…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/prepare_section.py" line="132"/>
        <source>保存しました。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/prepare_section.py" line="145"/>
        <source>作成: {0}（{1} MB・{2} ページ）</source>
        <translation>Created: {0} ({1} MB, {2} page(s))</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/prepare_section.py" line="152"/>
        <source>送信用 PDF を作成しました。</source>
        <translation>The file to send was created.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/prepare_section.py" line="154"/>
        <source>送信用 PDF を作成しましたが、問題があります。</source>
        <translation>Created the PDF to send, but there are problems.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/prepare_section.py" line="156"/>
        <location filename="../../../assistant/ui/attachments/prepare_section.py" line="170"/>
        <source>送信用 PDF を作成できませんでした。</source>
        <translation>The file to send could not be created.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/prepare_section.py" line="112"/>
        <source>送信用 PDF を作成できませんでした</source>
        <translation>Could not create the PDF to send</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/prepare_section.py" line="163"/>
        <source>中止しました。ファイルは作成していません。</source>
        <translation>Cancelled. No file was created.</translation>
    </message>
</context>
</TS>
