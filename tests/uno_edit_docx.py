"""Edit DOCX files in LibreOffice as a reviewer would in Word, through UNO, and save them as DOCX.

Run with the system Python that has LibreOffice's ``uno`` module (Debian: python3-uno):

    /usr/bin/python3 tests/uno_edit_docx.py JOBS.json

``JOBS.json`` is a list of ``{"in": "a.docx", "out": "b.docx", "replace": [["old phrase", "new phrase"], ...]}``:
each file is opened, the first occurrence of each old phrase is typed over with the new one (the
text range's setString, as typing over a selection does; formatting and bookmarks around it stay)
and the file is stored with LibreOffice's Word 2007-365 filter. A phrase that is not found stops
the script with exit code 3. One headless soffice, on a private pipe and profile, serves all files.
"""

import json
import os
import sys

import uno
from uno_office import office, prop


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        jobs = json.load(handle)
    with office("moudrafteredit") as (desktop, _smgr, _context):
        for job in jobs:
            url = uno.systemPathToFileUrl(os.path.abspath(job["in"]))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            try:
                for old, new in job.get("replace", []):
                    search = doc.createSearchDescriptor()
                    search.SearchString = old
                    search.SearchCaseSensitive = True
                    found = doc.findFirst(search)
                    if found is None:
                        print(f"not found in {job['in']}: {old!r}", file=sys.stderr)
                        sys.exit(3)
                    found.setString(new)
                out = uno.systemPathToFileUrl(os.path.abspath(job["out"]))
                doc.storeToURL(out, (prop("FilterName", "MS Word 2007 XML"),))
            finally:
                doc.close(True)
        print("ok")


if __name__ == "__main__":
    main()
