"""Accept or reject all tracked changes of a DOCX in LibreOffice (through UNO) and print the text.

Run with the system Python that has LibreOffice's ``uno`` module (Debian: python3-uno):

    /usr/bin/python3 tests/uno_tracked_changes.py accept|reject FILE.docx OUT.txt

Starts its own headless soffice on a private pipe and profile, and stops it (``uno_office.py``).
"""

import os
import sys

import uno
from uno_office import office, prop


def main():
    action, path, out = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    command = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}[action]
    with office("moudrafter") as (desktop, smgr, context):
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True),)
        )
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
        redlines = doc.getRedlines().createEnumeration().hasMoreElements()
        text = doc.getText().getString()
        with open(out, "w", encoding="utf-8") as handle:
            handle.write(text)
        doc.close(True)
        print("remaining-redlines" if redlines else "ok")


if __name__ == "__main__":
    main()
