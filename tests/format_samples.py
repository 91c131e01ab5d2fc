"""Files in every format the loader reads, built by the tests (issue 21).

The articles are fictional, written for these tests: towns, outlets and people are made up.
Each builder writes a file laid out as the real format lays it out (a LexisNexis text
export, a Nexis Uni Word export, a two-column PDF with a running header, a Word file, a
corpus) and returns what a correct reader must find in it.
"""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

TRANSIT = (
    "RIVERTON -- The city council voted 7-2 on Monday night to approve a $40 million transit "
    "plan that adds three bus lines and a park-and-ride lot near the interstate, ending a "
    "debate that has divided the city for more than a year.",
    "\u201cThis plan will change how people in this city get to work,\u201d Mayor Helen Brooks "
    "said after the vote. \u201cWe waited too long to do it.\u201d",
    "Council member Tom Reyes, one of the two votes against, said the cost estimates were "
    "optimistic at best. \u201cWe are promising routes we may not be able to pay for in five "
    "years,\u201d he said.",
    "According to a report by the city's planning department, the new lines could carry about "
    "4,000 riders a day by 2013. The department said construction of the park-and-ride lot "
    "would begin in the spring.",
    "Residents who spoke at the meeting were split. Several business owners on Main Street "
    "said the plan would bring customers downtown, while others worried about traffic on "
    "narrow side streets during construction.",
)
STORM = (
    "PORT ELLIS -- A winter storm that swept up the coast on Monday left more than 12,000 "
    "homes without power and closed schools in three towns, officials said.",
    "The county emergency office said crews had restored electricity to about half of the "
    "affected homes by Tuesday morning, but warned that some outlying roads might stay dark "
    "until the weekend.",
    "\u201cWe have never seen ice build up on the lines this quickly,\u201d said Dana Whitfield, "
    "a spokeswoman for Coastal Power and Light. She said the company had brought in 60 "
    "repair crews from neighbouring states.",
    "Forecasters at the National Weather Service said a second, weaker storm could reach the "
    "area on Thursday. Shelters at the high schools in Port Ellis and Bayview will stay open, "
    "according to the county.",
    "A fisherman in Bayview, Ray Coombs, said the harbour had frozen over for the first time "
    "in a decade. \u201cNobody is going out this week,\u201d he said.",
)
SCHOOL = (
    "VALLEY CITY -- The school board on Tuesday put off a vote on pushing back high school "
    "start times until March, saying it needed more information about the cost of changing "
    "bus schedules.",
    "Superintendent Karen Liu told the board that moving the first bell from 7:25 a.m. to "
    "8:30 a.m. could add $600,000 a year in transportation costs. \u201cWe want to get this "
    "right, not fast,\u201d she said.",
    "Parents and students filled the meeting room. A junior at Valley High, Marcus Bell, said "
    "many of his classmates fall asleep in first period. Sleep researchers have long argued "
    "that teenagers do better when classes begin later, and several nearby districts made "
    "the change last year.",
    "Board president Alan Forde said the board would hold two public forums in February "
    "before the vote.",
)
HOSPITAL = (
    "LAKESIDE -- St. Anne's Hospital opened its new maternity ward on Monday, two years later "
    "than planned and about $3 million over budget, hospital officials said.",
    "The ward has 24 private rooms and a neonatal unit that will let premature babies be "
    "treated in Lakeside rather than being transferred to the city, said the hospital's chief "
    "executive, Priya Raman.",
    "\u201cFamilies no longer have to drive two hours at the most frightening moment of their "
    "lives,\u201d Ms Raman said.",
    "The project was delayed by a dispute with the original builder and by a shortage of "
    "nurses, according to a report to the hospital board. The board said it had since hired "
    "40 nurses, most of them from a training programme run with the local college.",
    "Some staff members said privately that the ward had opened before all of its equipment "
    "was tested, a claim the hospital denied.",
)
BAKERY = (
    "A family bakery in the village of Hollins Cross has won the gold medal for sourdough at "
    "the National Bread Awards, beating more than 300 entries from across the country.",
    "Owner Ellen Marsh, who runs the bakery with her son, said the winning loaf used a starter "
    "her grandmother began in 1961. \u201cWe feed it every morning before we do anything "
    "else,\u201d she said.",
    "The judges praised the loaf's crust and its even crumb, according to a statement from the "
    "awards' organisers. The bakery said it had already taken orders from two restaurants in "
    "the city since the result was announced on Saturday.",
    "Ms Marsh said she planned to hire two more bakers in the spring but would not open a "
    "second shop. \u201cThe bread is good because it is small,\u201d she said.",
)

#: The LexisNexis export: (number, outlet, date line, iso date, headline, byline, section,
#: paragraphs). Number 3 repeats the storm story (a wire story run by a second paper).
LEXIS_ARTICLES = [
    (1, "The Riverton Gazette", "January 11, 2010 Monday", "2010-01-11",
     "Council approves $40 million transit plan after year of debate", "By MARIA LOPEZ",
     "LOCAL; Pg. A1", TRANSIT),
    (2, "The Harbor Times", "January 12, 2010 Tuesday", "2010-01-12",
     "Storm leaves thousands without power in coastal towns", "By JAMES O'NEILL, Staff Writer",
     "NEWS; Pg. 3", STORM),
    (3, "Valley Courier", "January 13, 2010 Wednesday", "2010-01-13",
     "School board delays vote on later start times", "By SAM PATEL",
     "EDUCATION; Pg. B2", SCHOOL),
]


def _wrap(paragraphs, width: int = 76) -> str:
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs)


def write_lexisnexis(path: Path) -> dict:
    """A LexisNexis plain-text export of :data:`LEXIS_ARTICLES`, with a cover page, edition
    lines, wrapped bodies (one word hyphenated at a line end), trailing fields and a centred
    copyright line per article. Returns ``{number: (outlet, date, title, author, section,
    paragraphs)}``."""
    total = len(LEXIS_ARTICLES)
    out = ["Download Request: Current Document: 1-3",
           "Time Of Request: Thursday, January 14, 2010  09:12:44 EST",
           "Send To:", "   ACADEMIC, UNIVERSITY", "   RIVERTON, RI", "",
           "Terms: (transit OR storm OR school board)", "",
           "Source: Major U.S. and World Publications", "Project ID:", "", ""]
    expected = {}
    for number, outlet, date_line, iso, title, byline, section, paragraphs in LEXIS_ARTICLES:
        body = _wrap(paragraphs)
        if number == 1:  # a word hyphenated at a line end, as some exports have it
            body = body.replace("the interstate, ending", "the inter-\nstate, ending")
        out += [f"{number} of {total} DOCUMENTS".center(80).rstrip(), "", "",
                outlet.center(80).rstrip(), "", date_line.center(80).rstrip(),
                "Final Edition".center(80).rstrip(), "", title, "", f"BYLINE: {byline}", "",
                f"SECTION: {section}", "", f"LENGTH: {len(' '.join(paragraphs).split())} words",
                "", "", body, "", "", f"LOAD-DATE: {date_line.rsplit(' ', 1)[0]}", "",
                "LANGUAGE: ENGLISH", "", "PUBLICATION-TYPE: Newspaper", "",
                f"JOURNAL-CODE: {outlet.split()[-2][:3].upper()}", "", "",
                f"Copyright 2010 {outlet} Company".center(80).rstrip(),
                "All Rights Reserved".center(80).rstrip(), "", ""]
        expected[number] = (outlet, iso, title, byline.removeprefix("By "), section, paragraphs)
    path.write_text("\n".join(out), encoding="utf-8")
    return expected


#: The Nexis Uni Word export: (headline, outlet, date line, iso date, byline, section,
#: paragraphs). The second repeats the storm story (another paper's copy of the wire).
NEXIS_ARTICLES = [
    ("Hospital opens maternity ward two years late", "The Lakeside Chronicle(Lakeside)",
     "July 1, 2019 Monday 9:20 AM GMT", "2019-07-01", "Anna Kowalski Health Correspondent",
     "NEWS; Version:2", "NEWS", HOSPITAL),
    ("Thousands without power after coastal storm", "Bayview Daily Press",
     "July 2, 2019 Tuesday", "2019-07-02", "Wire staff", "REGION", "REGION", STORM),
    ("Village bakery takes gold for sourdough", "The Hollins Cross Advertiser",
     "July 3, 2019 Wednesday 6:00 PM BST", "2019-07-03", "Tom Hale", "LIFESTYLE; Version:1",
     "LIFESTYLE", BAKERY),
]


def write_nexis_docx(path: Path) -> dict:
    """A Nexis Uni Word export of :data:`NEXIS_ARTICLES` with its cover list, copyright
    lines, fields, ``Body`` lines, a Classification block and "End of Document" lines.
    Returns ``{number: (outlet, date, title, author, section, paragraphs)}``."""
    import docx

    document = docx.Document()
    add = document.add_paragraph
    add("User Name: =")
    add("Date and Time: = 2019-07-04")
    add("Job Number: = 91823744")
    add(f"Documents ({len(NEXIS_ARTICLES)})")
    for i, (title, *_rest) in enumerate(NEXIS_ARTICLES, 1):
        add(f"{i}. {title}")
        add("Client/Matter: -None-")
        add("Search Terms: hospital OR storm OR bakery")
        add("Search Type: Terms and Connectors")
        add("Narrowed by:")
        add("Content Type\tNarrowed by")
        add("News\tSources: Regional Newspapers")
    expected = {}
    for n, (title, outlet, date_line, iso, byline, section, short, paragraphs) in enumerate(
            NEXIS_ARTICLES, 1):
        document.add_page_break()
        document.add_heading(title, level=1)
        add(outlet)
        add(date_line)
        add(f"Copyright 2019 {outlet.split('(')[0]} Ltd All Rights Reserved")
        add(f"Section: {section}")
        add(f"Length: {len(' '.join(paragraphs).split())} words")
        add(f"Byline: {byline}")
        add("Body")
        for p in paragraphs:
            add(p)
        add("Classification")
        add("Language: ENGLISH")
        add("Publication-Type: Newspaper")
        add("Subject: LOCAL NEWS (90%)")
        add(f"Load-Date: {date_line.split(' 20')[0]}, 2019")
        add("End of Document")
        expected[n] = (outlet, iso, title, byline, short, paragraphs)
    document.save(path)
    return expected


#: The PDF: a headline, then two columns per page; the left column's last sentence runs on
#: into the right column; a running header and a page number on each page.
PDF_LEFT_1 = [
    "Riverton's waterfront will get a new flood wall and a",
    "public promenade under a plan the city unveiled on",
    "Thursday, officials said. The project is the largest",
    "public works job in the city since the bridge was",
    "rebuilt in 1998.",
    "",
    "    \u201cThe river has come over the bank four times in",
    "ten years,\u201d said Deputy Mayor Grace Okafor. \u201cWe",
    "cannot keep cleaning up after it.\u201d The city said the",
    "wall would protect about 900 homes and the old mill",
    "district, where several long-",
    "term tenants have left after the last flood. The",
]
PDF_RIGHT_1 = [
    "plan also calls for new drains along Water Street,",
    "according to documents released by the city's engi-",
    "neering office, which put the total cost at $28 million.",
    "",
    "    Federal grants would cover about half of it. The",
    "rest would come from a bond that voters must approve",
    "in November, the city's finance director, Luis Ortega,",
    "told reporters.",
]
PDF_LEFT_2 = [
    "Some residents of the mill district said they had",
    "not been asked about the promenade, which would",
    "run along the back of their properties. \u201cNobody",
    "knocked on my door,\u201d said Ruth Adeyemi, who has",
    "lived on Mill Lane for 31 years.",
]
PDF_RIGHT_2 = [
    "The city said public meetings would begin next month",
    "and that construction could start in 2026 if the bond",
    "passes. Work would take about three years.",
]
PDF_HEADLINE = "Riverton unveils $28 million flood wall plan"
PDF_RUNNING_HEAD = "THE RIVERTON GAZETTE \u00b7 Local news \u00b7 Page {n}"


def write_pdf(path: Path) -> None:
    """A two-page, two-column PDF with a running header and page numbers (fpdf2)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pages = [(PDF_LEFT_1, PDF_RIGHT_1), (PDF_LEFT_2, PDF_RIGHT_2)]
    for n, (left, right) in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.set_xy(15, 8)
        pdf.cell(180, 5, _latin(PDF_RUNNING_HEAD.format(n=n)), align="C")
        pdf.set_xy(15, 284)
        pdf.cell(180, 5, str(n), align="C")
        top = 22
        if n == 1:
            pdf.set_font("Helvetica", "B", 18)
            pdf.set_xy(15, 20)
            pdf.cell(180, 10, PDF_HEADLINE)
            top = 40
        pdf.set_font("Helvetica", size=10)
        for x, lines in ((15, left), (110, right)):
            y = top
            for line in lines:
                if line:
                    pdf.set_xy(x, y)
                    pdf.cell(85, 5, _latin(line))
                    y += 5
                else:
                    y += 4  # the gap between paragraphs
    pdf.output(str(path))


def _latin(text: str) -> str:
    """Core PDF fonts are Latin-1: straight quotes for curly ones (the reader sees these)."""
    return (text.replace("\u201c", '"').replace("\u201d", '"').replace("\u00b7", "-"))


def write_scanned_pdf(path: Path) -> None:
    """A PDF whose one page is an image: no text layer, as a scan has."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (400, 300), "white")
    ImageDraw.Draw(image).rectangle([40, 40, 360, 80], fill="black")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(image, x=20, y=20, w=170)
    pdf.output(str(path))


WORD_TITLE = "Library to stay open late during exam season"
WORD_SUBHEAD = "Students asked for longer hours"
WORD_PARAGRAPHS = (
    "The Riverton Public Library will stay open until midnight on weekdays for the next six "
    "weeks, the library board decided on Wednesday, after students from the university and "
    "two high schools asked for more space to study.",
    "\u201cThe reading room is full by four o'clock every afternoon,\u201d said head librarian "
    "Joan Pryce. She said the board had found money in its budget for two extra staff members "
    "in the evening.",
)
WORD_AFTER_SUBHEAD = (
    "A petition signed by more than 800 students was handed to the board last month, "
    "according to the student union. Its president, Omar Haddad, said many students share "
    "small flats and have nowhere quiet to work.",
    "The board said it would decide in June whether to keep the longer hours next year.",
)


def write_docx(path: Path) -> None:
    """A Word document: a title, paragraphs, a subheading, more paragraphs (python-docx)."""
    import docx

    document = docx.Document()
    document.add_heading(WORD_TITLE, level=0)
    for p in WORD_PARAGRAPHS:
        document.add_paragraph(p)
    document.add_heading(WORD_SUBHEAD, level=2)
    for p in WORD_AFTER_SUBHEAD:
        document.add_paragraph(p)
    document.save(path)


#: Corpus rows: id, text, and metadata columns (``story`` is kept as a column of its own).
CORPUS_ROWS = [
    {"id": "c1", "text": "\n\n".join(TRANSIT[:4]), "title": "Transit plan approved",
     "outlet": "Riverton Weekly", "date": "2010-01-15", "url": "https://riverton.example/t1",
     "genre": "news", "story": "transit"},
    {"id": "c2", "text": "\n\n".join(SCHOOL), "title": "Start times vote delayed",
     "outlet": "Valley Now", "date": "January 14, 2010", "url": "https://valley.example/s",
     "genre": "news", "story": "schools"},
    {"id": "c3", "text": "\n\n".join(BAKERY[:3]), "title": "Bread award",
     "outlet": "Food Weekly", "date": "2019-07-05", "url": "", "genre": "feature",
     "story": "bakery"},
]


def write_corpus(path: Path, rows: list[dict] = CORPUS_ROWS) -> None:
    """``rows`` as a .csv, .jsonl or .parquet file, by the suffix of ``path``."""
    import pandas as pd

    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                        encoding="utf-8")
    elif path.suffix == ".parquet":
        import warnings

        with warnings.catch_warnings():  # fastparquet, on import, sets a deprecated option
            warnings.simplefilter("ignore")
            pd.DataFrame(rows).to_parquet(path, index=False)
    else:
        pd.DataFrame(rows).to_csv(path, index=False)
