"""Accept or reject all tracked changes of a DOCX in LibreOffice (through UNO) and print the text.

Run with the system Python that has LibreOffice's ``uno`` module (Debian: python3-uno):

    /usr/bin/python3 tests/uno_tracked_changes.py accept|reject FILE.docx OUT.txt

Starts its own headless soffice on a private pipe and profile, and stops it.
"""

import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main():
    action, path, out = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    command = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}[action]
    pipe = f"moudrafter{os.getpid()}"
    with tempfile.TemporaryDirectory() as profile:
        office = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
             f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
            context = None
            for _ in range(120):
                try:
                    context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                    break
                except Exception:
                    time.sleep(0.5)
            if context is None:
                sys.exit("could not connect to soffice")
            smgr = context.ServiceManager
            desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True),))
            dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
            dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
            redlines = doc.getRedlines().createEnumeration().hasMoreElements()
            text = doc.getText().getString()
            with open(out, "w", encoding="utf-8") as handle:
                handle.write(text)
            doc.close(True)
            print("remaining-redlines" if redlines else "ok")
        finally:
            try:
                desktop.terminate()
            except Exception:
                pass
            office.terminate()
            try:
                office.wait(timeout=20)
            except subprocess.TimeoutExpired:
                office.kill()


if __name__ == "__main__":
    main()
