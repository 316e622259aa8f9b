"""Run by LibreOffice's own Python (python3-uno), not by the project's interpreter.

usage: python3 lo_revisions.py PROFILE_DIR FILE.docx... > result.json

For each file: a PDF beside it (FILE.pdf, changes shown), the revisions LibreOffice sees
(type, author), and the text with changes shown, after "Accept All" and after "Reject
All", exported as plain UTF-8 text; after "Accept All", each body paragraph's text,
alignment (ParaAdjust) and first-line indent (1/100 mm).
"""

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def export_text(doc, folder):
    path = os.path.join(folder, "out.txt")
    doc.storeToURL(uno.systemPathToFileUrl(path),
                   (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8")))
    with open(path, encoding="utf-8-sig") as f:
        return f.read()


def main():
    profile, files = sys.argv[1], sys.argv[2:]
    pipe = f"proofreader_lo_{os.getpid()}"
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(300):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                time.sleep(0.1)
        if ctx is None:
            raise SystemExit("LibreOffice did not start")
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatch = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        results = {}
        with tempfile.TemporaryDirectory() as folder:
            for path in files:
                url = uno.systemPathToFileUrl(os.path.abspath(path))
                entry = {}
                for action in ("accept", "reject"):
                    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
                    if action == "accept":
                        entry["shown"] = export_text(doc, folder)
                        entry["redlines"] = [
                            [r.RedlineType, r.RedlineAuthor]
                            for r in _iterate(doc.Redlines)
                        ]
                        pdf = os.path.splitext(os.path.abspath(path))[0] + ".pdf"
                        doc.storeToURL(uno.systemPathToFileUrl(pdf),
                                       (prop("FilterName", "writer_pdf_Export"),))
                    frame = doc.CurrentController.Frame
                    command = ".uno:AcceptAllTrackedChanges" if action == "accept" else (
                        ".uno:RejectAllTrackedChanges")
                    dispatch.executeDispatch(frame, command, "", 0, ())
                    entry[action + "ed"] = export_text(doc, folder)
                    if action == "accept":
                        entry["paragraphs"] = [
                            [p.String, p.ParaAdjust, p.ParaFirstLineIndent]
                            for p in _iterate(doc.Text)
                            if p.supportsService("com.sun.star.text.Paragraph")
                        ]
                    doc.close(True)
                results[path] = entry
        json.dump(results, sys.stdout, ensure_ascii=False)
    finally:
        with contextlib.suppress(Exception):
            desktop.terminate()
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()


def _iterate(collection):
    e = collection.createEnumeration()
    while e.hasMoreElements():
        yield e.nextElement()


if __name__ == "__main__":
    main()
