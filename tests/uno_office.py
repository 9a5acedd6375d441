"""A private headless LibreOffice for the UNO scripts of the tests (``uno_tracked_changes.py``,
``uno_edit_docx.py``): started on its own pipe and profile, connected to, and stopped.

Run by the system Python that has LibreOffice's ``uno`` module (Debian: python3-uno).
"""

import contextlib
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


@contextlib.contextmanager
def office(name):
    """Yields (desktop, service manager, component context) of a soffice of its own."""
    pipe = f"{name}{os.getpid()}"
    with tempfile.TemporaryDirectory() as profile:
        process = subprocess.Popen(
            [
                "soffice",
                "--headless",
                "--invisible",
                "--norestore",
                "--nologo",
                "--nodefault",
                f"-env:UserInstallation=file://{profile}",
                f"--accept=pipe,name={pipe};urp;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        desktop = None
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext(
                "com.sun.star.bridge.UnoUrlResolver", local
            )
            context = None
            for _ in range(120):
                try:
                    context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                    break
                except Exception:  # noqa: BLE001 - UNO's NoConnectException until soffice listens
                    time.sleep(0.5)
            if context is None:
                sys.exit("could not connect to soffice")
            smgr = context.ServiceManager
            desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            yield desktop, smgr, context
        finally:
            with contextlib.suppress(Exception):  # it may be gone already
                if desktop is not None:
                    desktop.terminate()
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
