#!/usr/bin/env python3
"""Writes helpdesk-500.xlsx: the first 500 cases of the real help-desk log (shared data, eventlogs/helpdesk.xes.gz)
as an Excel workbook, built with Python's standard library only (zipfile and hand-written Office Open XML), so that
Stepwise's .xlsx reader is tested on a file its own code did not write.

Sheet 'Events' holds one row per event: case id and activity as shared strings, the resource as an inline string,
the timestamp as a date serial number with a date-time format (1900 date system), the event's position in its case
as a plain number, and the workgroup as a shared string. A second sheet 'Notes' comes after it.

Usage: python3 make_helpdesk_xlsx.py PATH/TO/helpdesk.xes.gz helpdesk-500.xlsx
"""
import datetime
import gzip
import sys
import xml.etree.ElementTree as ET
import zipfile
from xml.sax.saxutils import escape

source, target = sys.argv[1], sys.argv[2]
root = ET.parse(gzip.open(source)).getroot()
ns = root.tag[: root.tag.index('}') + 1] if root.tag.startswith('{') else ''


def value(element, key):
    for child in element:
        if child.get('key') == key:
            return child.get('value')
    return None


rows = []
for trace in root.findall(ns + 'trace')[:500]:
    case = value(trace, 'concept:name')
    for position, event in enumerate(trace.findall(ns + 'event'), start=1):
        when = datetime.datetime.fromisoformat(value(event, 'time:timestamp')).astimezone(datetime.timezone.utc)
        rows.append((case, value(event, 'concept:name'), value(event, 'org:resource'), when, position, value(event, 'workgroup')))

strings, index = [], {}


def shared(text):
    if text not in index:
        index[text] = len(strings)
        strings.append(text)
    return index[text]


def serial(moment):
    # Days since 1899-12-30 (the 1900 date system, past its phantom 29 February 1900).
    delta = moment.replace(tzinfo=None) - datetime.datetime(1899, 12, 30)
    return delta.days + delta.seconds / 86400


def column(i):
    return 'ABCDEF'[i]


sheet = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
header = ['Case ID', 'Activity', 'Resource', 'Complete Timestamp', 'Position', 'Workgroup']
sheet.append('<row r="1">' + ''.join(f'<c r="{column(i)}1" t="s"><v>{shared(h)}</v></c>' for i, h in enumerate(header)) + '</row>')
for n, (case, activity, resource, when, position, workgroup) in enumerate(rows, start=2):
    cells = [
        f'<c r="A{n}" t="s"><v>{shared(case)}</v></c>',
        f'<c r="B{n}" t="s"><v>{shared(activity)}</v></c>',
        f'<c r="C{n}" t="inlineStr"><is><t>{escape(resource)}</t></is></c>',
        f'<c r="D{n}" s="1"><v>{repr(serial(when))}</v></c>',
        f'<c r="E{n}"><v>{position}</v></c>',
        f'<c r="F{n}" t="s"><v>{shared(workgroup)}</v></c>',
    ]
    sheet.append(f'<row r="{n}">' + ''.join(cells) + '</row>')
sheet.append('</sheetData></worksheet>')

notes = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
         f'<row r="1"><c r="A1" t="s"><v>{shared("Exported for the reader test")}</v></c></row></sheetData></worksheet>')

shared_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
              + ''.join(f'<si><t>{escape(s)}</t></si>' for s in strings) + '</sst>')

styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd hh:mm:ss"/></numFmts>'
          '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
          '<cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/></cellXfs>'
          '</styleSheet>')

workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Events" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" r:id="rId2"/></sheets></workbook>')

workbook_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
                 '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                 '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                 '</Relationships>')

content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                 '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                 '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                 '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                 '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                 '</Types>')

package_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                '</Relationships>')

with zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', content_types)
    z.writestr('_rels/.rels', package_rels)
    z.writestr('xl/workbook.xml', workbook)
    z.writestr('xl/_rels/workbook.xml.rels', workbook_rels)
    z.writestr('xl/worksheets/sheet1.xml', '\n'.join(sheet))
    z.writestr('xl/worksheets/sheet2.xml', notes)
    z.writestr('xl/sharedStrings.xml', shared_xml)
    z.writestr('xl/styles.xml', styles)
print(f'{target}: {len(rows)} events of 500 cases, {len(strings)} shared strings')
