<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
<context>
    <name>ChecklistSection</name>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="0"/>
        <source>回答から: {0}</source>
        <translation>From the answers: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="0"/>
        <source>根拠: {0}</source>
        <translation>Based on: {0}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="0"/>
        <source>事務所の回答で変更済み（回答からは「{0}」: {1}）</source>
        <translation>Changed by the office (the answers say “{0}”: {1})</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="48"/>
        <source>提出書類チェックリスト</source>
        <translation>Document checklist</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="58"/>
        <source>リストは公開情報から集めた出発点です。△要確認 の書類は出入国在留管理庁の頁で確かめてください。ファイルを割り当てると「提出」になります。</source>
        <translation>The lists are a starting point collected from public pages. Check the items marked △ To check on ISA&apos;s pages. Assigning a file marks an item as provided.</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="69"/>
        <source>書類</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="69"/>
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="69"/>
        <source>提供者</source>
        <translation>Provided by</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="70"/>
        <source>ファイル</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="70"/>
        <source>不要の理由・メモ</source>
        <translation>Why not needed / note</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="73"/>
        <source>提出書類</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="85"/>
        <source>ファイルを割り当てる…</source>
        <translation>Assign files…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="89"/>
        <source>提案どおり割り当てる</source>
        <translation>Assign as proposed</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="91"/>
        <source>依頼書を作成…</source>
        <translation>Request lists…</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="93"/>
        <source>申請人への依頼書（日英）</source>
        <translation>Request to the applicant (Japanese/English)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="94"/>
        <source>所属機関への依頼書</source>
        <translation>Request to the employer / school</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="218"/>
        <source>ステップ1で在留資格を選ぶと、その提出書類が表示されます（今は共通の書類だけ）。</source>
        <translation>Choose the status of residence in Step 1 to see its documents (general items only for now).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="221"/>
        <source>この在留資格の提出書類リストはまだありません（共通の書類だけ。設定 → 提出書類リストの「新しいリスト…」で作れます）。</source>
        <translation>No document list for this status of residence yet (general items only; start one under Settings → Document lists, “New list…”).</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="223"/>
        <source>ほぼ全体</source>
        <translation>complete</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="223"/>
        <source>一部のみ</source>
        <translation>partial</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="224"/>
        <source>未収集</source>
        <translation>not collected</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="226"/>
        <source>{0}（リスト: {1}）</source>
        <translation>{0} (list: {1})</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="227"/>
        <source>書類 {0}/{1}</source>
        <translation>Documents {0}/{1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="243"/>
        <source>（未回答）</source>
        <translation>(not answered)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="248"/>
        <source>はい</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="249"/>
        <source>いいえ</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="272"/>
        <source>要確認</source>
        <translation>To check</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="274"/>
        <source>（条件: {0} — 未回答）</source>
        <translation>(condition: {0} — not answered)</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="279"/>
        <source>出典: {0}（{1}{2}）</source>
        <translation>Source: {0} ({1}{2})</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="305"/>
        <source>{0} → {1}</source>
        <translation>{0} → {1}</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="308"/>
        <source>ファイル名からの提案: </source>
        <translation>Proposed from file names: </translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="386"/>
        <source>依頼書_{0}.pdf</source>
        <translation>Request_{0}.pdf</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/attachments/checklist_section.py" line="388"/>
        <source>依頼書の保存先</source>
        <translation>Save the request list as</translation>
    </message>
</context>
</TS>
