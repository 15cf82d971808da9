#!/usr/bin/python3
"""LibreOffice's text of a Word file as Word shows it: tracked changes accepted, hidden text out.

    PYTHONPATH=/usr/lib/libreoffice/program /usr/bin/python3 scripts/word_visible_txt.py OUTDIR FILE...

`soffice --convert-to txt` writes every run of the document, including text formatted hidden
(`sprmCFVanish`, `w:vanish`) and text deleted under change tracking, which Word does not show
(and which gongwen's Word readers drop). This script makes a second reference with LibreOffice
itself: it loads each file through UNO (soffice started on a loopback pipe with a private
profile), accepts all tracked changes (deletions gone, insertions kept, as Word shows the final
text), empties every text portion whose `CharHidden` is set (body paragraphs and table cells,
nested tables included), and stores the rest with the same "Text (encoded)" UTF-8 filter as
`--convert-to txt`. Needs LibreOffice's Python UNO bridge (`uno.py` ships with LibreOffice;
run it with the system Python it was built for). Writes OUTDIR/NAME.txt for each file it loads.
"""
import os
import subprocess
import sys
import tempfile
import time

import uno  # noqa: E402  (LibreOffice's bridge, on PYTHONPATH)
from com.sun.star.beans import PropertyValue  # noqa: E402


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # noqa: BLE001  (not up yet)
            time.sleep(0.5)
    raise SystemExit("soffice did not come up")


def drop_hidden(text):
    """Empty the hidden portions of a text (body or cell), recursing into tables."""
    n = 0
    en = text.createEnumeration()
    while en.hasMoreElements():
        par = en.nextElement()
        if par.supportsService("com.sun.star.text.TextTable"):
            for name in par.getCellNames():
                n += drop_hidden(par.getCellByName(name))
            continue
        if not par.supportsService("com.sun.star.text.Paragraph"):
            continue
        portions = par.createEnumeration()
        while portions.hasMoreElements():
            p = portions.nextElement()
            try:
                hidden = p.getPropertyValue("CharHidden")
            except Exception:  # noqa: BLE001
                hidden = False
            if hidden and p.getString():
                p.setString("")
                n += 1
    return n


class Office:
    """A soffice on a private pipe and profile; started again if a file brings it down."""

    def __init__(self, tmp):
        self.tmp, self.proc, self.n = tmp, None, 0

    def start(self):
        self.stop()
        self.n += 1
        pipe = f"gongwen_wv_{os.getpid()}_{self.n}"
        self.proc = subprocess.Popen(
            ["soffice", f"-env:UserInstallation=file://{self.tmp}/profile", "--headless",
             "--invisible", "--norestore", f"--accept=pipe,name={pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ctx = connect(pipe)
        smgr = ctx.ServiceManager
        self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        self.dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)

    def stop(self):
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None


def convert(office, path, outdir):
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    doc = office.desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    if doc is None or not hasattr(doc, "getText"):
        if doc is not None:
            doc.close(True)
        return "not a text document"
    try:
        doc.setPropertyValue("RecordChanges", False)
        frame = doc.getCurrentController().getFrame()
        office.dispatcher.executeDispatch(frame, ".uno:AcceptAllTrackedChanges", "", 0, ())
        hidden = drop_hidden(doc.getText())
        left = doc.getRedlines().createEnumeration().hasMoreElements()
        name = os.path.splitext(os.path.basename(path))[0] + ".txt"
        out = uno.systemPathToFileUrl(os.path.abspath(os.path.join(outdir, name)))
        doc.storeToURL(out, (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8")))
        return f"hidden portions emptied {hidden}, tracked changes left {left}"
    finally:
        doc.close(True)


def main():
    outdir, files = sys.argv[1], sys.argv[2:]
    os.makedirs(outdir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        office = Office(tmp)
        office.start()
        try:
            for path in files:
                try:
                    print(f"{path}: {convert(office, path, outdir)}", file=sys.stderr)
                except Exception as e:  # noqa: BLE001  (a crash takes soffice down: restart it)
                    print(f"{path}: not converted ({e})", file=sys.stderr)
                    office.start()
        finally:
            office.stop()


if __name__ == "__main__":
    main()
