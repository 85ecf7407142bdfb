#!/usr/bin/env python3
"""Writes the import fixtures that a spreadsheet program would make (issue 18).

Run from this folder: python3 make-fixtures.py (needs openpyxl and msoffcrypto-tool
from PyPI). The files are committed; the tests never run this script. The sample
tracker of docs/examples/ is written too.
"""
import datetime
import io
import os

import msoffcrypto
from msoffcrypto.format.ooxml import OOXMLFile
import openpyxl
from openpyxl.styles import Alignment, Font

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "..", "..", "..", "docs", "examples")


def word_table_csv():
    """A Word table saved as CSV: banner rows and area rows in the first cell."""
    rows = [
        ["Ref", "Action", "Lead", "Timescale", "RAG", "Progress and impact"],
        ["1. Hearing from children and families", "", "", "", "", ""],
        ["1.1 Recording what children say", "", "", "", "", ""],
        ["What needs to improve: Records in every agency show what a child said, in the child's own words.",
         "", "", "", "", ""],
        ["1.1a", "Agree one recording standard with every agency.", "Quality Assurance Group", "30/06/2026", "A",
         "Draft standard out for comment until 20 March."],
        ["1.1b", "Audit 40 records a quarter for the child's words.", "Principal Social Worker", "31-Dec-26", "N", ""],
        ["1.2 Families' part in plans", "", "", "", "", ""],
        ["What inspectors found", "Parents were not always invited to the meetings where plans were made.",
         "", "", "", ""],
        ["1.2a", "Invite parents to every child protection review.", "Head of Safeguarding", "31/07/2026", "G",
         "Every review since January has had the parents invited."],
        ["2. Sharing information", "", "", "", "", ""],
        ["2.1 Police notifications to schools", "", "", "", "", ""],
        ["2.1a", "Send each notification to the school within one working day.", "Detective Inspector, MASH",
         "30/09/2026", "R", "A backlog of 30 notifications; two more staff start in April."],
    ]
    with open(os.path.join(HERE, "word-table.csv"), "w", newline="", encoding="utf-8") as out:
        import csv
        csv.writer(out, lineterminator="\r\n").writerows(rows)


def banner_workbook(path, cover=True):
    """A workbook as a council keeps it: a cover sheet, a title row, merged banner cells."""
    book = openpyxl.Workbook()
    if cover:
        sheet = book.active
        sheet.title = "Cover"
        sheet["A1"] = "Eastbrook Safeguarding Partnership"
        sheet["A3"] = "Improvement plan after the inspection of early help, for the board of 14 March 2026"
        plan = book.create_sheet("Action plan")
    else:
        plan = book.active
        plan.title = "Action plan"
    plan["A1"] = "Improvement plan: early help (updated monthly)"
    plan["A1"].font = Font(bold=True, size=14)
    plan.merge_cells("A1:F1")
    plan.append([])
    plan.append(["No.", "Action", "Owner", "Target date", "RAG", "Progress"])
    def banner(text):
        plan.append([text])
        row = plan.max_row
        plan.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        plan.cell(row=row, column=1).font = Font(bold=True)
    def finding(label, text):
        plan.append([label, text])
        row = plan.max_row
        plan.merge_cells(start_row=row, start_column=2, end_row=row, end_column=6)
        plan.cell(row=row, column=2).alignment = Alignment(wrap_text=True)
    def action(ref, text, owner, due, rag, progress):
        plan.append([ref, text, owner, due, rag, progress])
        if isinstance(due, datetime.date):
            plan.cell(row=plan.max_row, column=4).number_format = "dd/mm/yyyy"
    banner("Section 1: Early help that reaches families sooner")
    banner("Area 1.1: The early help front door")
    finding("Priority action", "Every family referred for early help hears from a named worker within five working days.")
    action("1.1a", "Publish one referral form for all partners.", "Early Help Manager", datetime.date(2026, 5, 29),
           "Green", "Form live on the partnership website since 2 February.")
    action("1.1b", "Report the time from referral to first contact to the board each month.",
           "Head of Performance", datetime.date(2026, 6, 30), "Amber", "First report due at the April board.")
    banner("Section 2 – Working with schools")
    banner("2.1 School attendance and early help")
    finding("What needs to improve", "Schools know which early help worker to call about a pupil who is often absent.")
    action("2.1a", "Name an early help link worker for every school.", "Education Safeguarding Lead",
           datetime.date(2026, 9, 1), "Red", "Only 12 of 40 schools have a named worker; recruitment reopens in May.")
    action("", "Hold a termly meeting of link workers and attendance officers.", "Education Safeguarding Lead",
           "From the summer term", "Not started", "")
    out = io.BytesIO()
    book.save(out)
    with open(path, "wb") as f:
        f.write(out.getvalue())
    return out.getvalue()


def update_rounds_csv():
    """One RAG column and one update column per monthly round; refs that are area numbers."""
    rows = [
        ["Ref", "Action", "Owner", "Due", "RAG Dec 22", "RAG Jan 23", "Update Dec 22", "Update Jan 23",
         "Progress – February 2023"],
        ["1.1", "Recruit four more social workers to the assessment team.", "Head of Children's Social Care",
         "2023-06-30", "R", "A", "Adverts out; no applicants yet.", "Two posts filled from agency staff.",
         "Team at full strength from March."],
        ["1.2", "Train every team manager in supervision that looks at the child's day.", "Principal Social Worker",
         "2023-03-31", "A", "G", "Three of five sessions held.", "All sessions held; 38 of 40 managers trained.",
         "The last two managers trained on 9 February."],
        ["2.1", "Agree a protocol for sharing missing-episode data with schools.", "Missing Children Coordinator",
         "2023-05-31", "", "R", "", "The draft protocol is with the data protection officers.",
         "Legal advice needed on sharing with academies; the board will be asked for a new date."],
    ]
    with open(os.path.join(HERE, "update-rounds.csv"), "w", newline="", encoding="utf-8") as out:
        import csv
        csv.writer(out, lineterminator="\n").writerows(rows)


def windows_1252_csv():
    """Excel's "CSV (Comma delimited)" on a Windows set to English (UK): code page 1252, semicolons."""
    rows = [
        ["Theme", "Ref", "Action", "Owner", "Due date", "Status", "Progress", "Date of last update"],
        ["1. Children’s voices", "1.1a", "Ask every child in care – at each review – what they think of their plan.",
         "Independent Reviewing Service", "31/05/2026", "Amber", "Forms redesigned with the Children in Care Council.",
         "12/02/2026"],
        ["", "1.1b", "Pay young advisers £15 an hour for their time on interview panels.", "Participation Lead",
         "30/04/2026", "Green", "Agreed by the finance committee; the first panel was on 3 February.", "05/02/2026"],
        ["2. Café conversations", "2.1a", "Run monthly drop-in sessions for parents at the Family Hub café.",
         "Family Hub Manager", "30/09/2026", "Not started", "", ""],
    ]
    with open(os.path.join(HERE, "windows-1252.csv"), "w", newline="", encoding="cp1252") as out:
        import csv
        csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)


def password_workbook():
    """A workbook saved with a password (Excel: File > Info > Protect Workbook > Encrypt with Password)."""
    plain = banner_workbook(os.path.join(HERE, "password-plain.xlsx"), cover=False)
    os.remove(os.path.join(HERE, "password-plain.xlsx"))
    office = OOXMLFile(io.BytesIO(plain))
    encrypted = io.BytesIO()
    office.encrypt("board2026", encrypted)
    with open(os.path.join(HERE, "password.xlsx"), "wb") as out:
        out.write(encrypted.getvalue())


def sample_tracker():
    """The README's example: a small tracker as a partnership keeps it between board meetings."""
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Read me"
    cover["A1"] = "Westmere Children's Partnership: improvement tracker"
    cover["A3"] = "One row per action. Add a column for each monthly update; do not delete old ones."
    plan = book.create_sheet("Tracker")
    plan["A1"] = "Improvement plan after the inspection of help for children at risk outside the home"
    plan["A1"].font = Font(bold=True, size=14)
    plan.merge_cells("A1:I1")
    plan.append([])
    plan.append(["Ref", "Action", "Lead", "Due by", "RAG Sep 2026", "RAG Oct 2026", "Update Sep 2026",
                 "Update Oct 2026", "Evidence"])
    width = 9
    def banner(text):
        plan.append([text])
        plan.merge_cells(start_row=plan.max_row, start_column=1, end_row=plan.max_row, end_column=width)
        plan.cell(row=plan.max_row, column=1).font = Font(bold=True)
    def finding(label, text):
        plan.append([label, text])
        plan.merge_cells(start_row=plan.max_row, start_column=2, end_row=plan.max_row, end_column=width)
    def action(*cells):
        plan.append(list(cells))
        if isinstance(cells[3], datetime.date):
            plan.cell(row=plan.max_row, column=4).number_format = "d mmm yyyy"
    banner("1. Knowing which children are at risk")
    banner("1.1 Sharing what each agency knows")
    finding("What needs to improve",
            "Police, schools and health share what they know about a child at risk within a day, not a week.")
    finding("What inspectors found",
            "Intelligence about older children reached the multi-agency meeting after the child had been harmed.")
    action("1.1a", "Start a daily call between police, the front door and school safeguarding leads.",
           "Head of the Front Door", datetime.date(2026, 12, 18), "A", "G",
           "Pilot call started with six secondary schools.",
           "Every secondary school joins the call; 41 children discussed in October.", "Call log, October")
    action("1.1b", "Give school safeguarding leads read access to the missing-episode record.",
           "Head of Digital Services", datetime.date(2027, 3, 31), "R", "A",
           "Supplier could not give access by role; work paused.",
           "Supplier fix tested; access opens to leads in November.", "")
    banner("1.2 Seeing the pattern across children")
    action("1.2a", "Map, every quarter, where children go missing from and who they are with.",
           "Exploitation Coordinator", datetime.date(2027, 1, 29), "N", "A", "",
           "First map shared with the multi-agency meeting on 20 October.", "")
    banner("2. Help that arrives in time")
    banner("2.1 Return home conversations")
    finding("Priority action", "Every child who comes home after being missing is offered a conversation within 72 hours.")
    action("2.1a", "Offer every return home conversation by text as well as by letter.",
           "Missing Children Coordinator", datetime.date(2027, 2, 26), "A", "A",
           "Text wording agreed with the young advisers.",
           "Texts sent since 5 October; 64% of children replied, against 30% to letters.", "")
    out = os.path.join(EXAMPLES, "tracker.xlsx")
    book.save(out)


if __name__ == "__main__":
    sample_tracker()
    word_table_csv()
    banner_workbook(os.path.join(HERE, "merged-banners.xlsx"))
    update_rounds_csv()
    windows_1252_csv()
    password_workbook()
