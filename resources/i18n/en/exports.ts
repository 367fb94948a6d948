<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
<context>
    <name>Printing</name>
    <message>
        <location filename="../../../assistant/render/pdf.py" line="64"/>
        <source>在留申請 準備アシスタント</source>
        <translation>Residence Application Assistant</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/printing.py" line="29"/>
        <source>印刷プレビュー</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location filename="../../../assistant/ui/printing.py" line="53"/>
        <source>印刷できませんでした</source>
        <translation>Could not print</translation>
    </message>
</context>
</TS>
