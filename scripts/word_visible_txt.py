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

Each file is loaded from a copy in a temporary folder, so the `.~lock.NAME#` LibreOffice writes
next to what it opens (and leaves behind when it crashes) never lands in the input folder.
LibreOffice 7.4 crashes through UNO on some files that `--convert-to` reads (the bridge dies
while loading, e.g. on files with comments); soffice is then started again, and such a file,
like one the loader returns nothing for, goes the OpenDocument way: `soffice --convert-to odt`, then in `content.xml` the tracked-changes table is
removed (it holds the deleted text; insertions stay inline, so this accepts all changes) and the
text of spans and paragraphs whose automatic style sets `text:display="none"` is emptied, and the
edited file is converted to text by `soffice --convert-to txt` as before.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile

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
    copy = os.path.join(office.tmp, "in", os.path.basename(path))
    shutil.rmtree(os.path.dirname(copy), ignore_errors=True)
    os.makedirs(os.path.dirname(copy))
    shutil.copyfile(path, copy)
    url = uno.systemPathToFileUrl(copy)
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


TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"


def visible_content(xml):
    """content.xml with tracked changes accepted and hidden text emptied; (xml, hidden count)."""
    import io
    for _, (prefix, uri) in ET.iterparse(io.BytesIO(xml), events=("start-ns",)):
        ET.register_namespace(prefix, uri)
    root = ET.fromstring(xml)
    for parent in root.iter():
        for child in list(parent):
            if child.tag == f"{{{TEXT}}}tracked-changes":
                parent.remove(child)
    hidden = set()
    for st in root.iter(f"{{{STYLE}}}style"):
        props = st.find(f"{{{STYLE}}}text-properties")
        if props is not None and props.get(f"{{{TEXT}}}display") == "none":
            hidden.add(st.get(f"{{{STYLE}}}name"))
    n = 0
    for el in root.iter():
        if el.tag in (f"{{{TEXT}}}span", f"{{{TEXT}}}p", f"{{{TEXT}}}h") and \
                el.get(f"{{{TEXT}}}style-name") in hidden:
            el.text = None
            for child in list(el):
                el.remove(child)
            n += 1
    return ET.tostring(root, xml_declaration=True, encoding="UTF-8"), n


def convert_via_odt(path, outdir, tmp):
    """The OpenDocument route for files UNO will not load (see the module doc)."""
    work = os.path.join(tmp, "odt")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    prof = f"-env:UserInstallation=file://{tmp}/profile-cli"
    copy = os.path.join(work, "in", os.path.basename(path))
    os.makedirs(os.path.dirname(copy))
    shutil.copyfile(path, copy)
    subprocess.run(["soffice", prof, "--headless", "--convert-to", "odt", "--outdir", work, copy],
                   capture_output=True, timeout=600)
    stem = os.path.splitext(os.path.basename(path))[0]
    odt = os.path.join(work, stem + ".odt")
    if not os.path.exists(odt):
        return "not converted (LibreOffice wrote no .odt)"
    edited = os.path.join(work, "edited", stem + ".odt")
    os.makedirs(os.path.dirname(edited))
    with zipfile.ZipFile(odt) as zin, zipfile.ZipFile(edited, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "content.xml":
                data, n = visible_content(data)
            # mimetype first and stored, as OpenDocument requires
            kind = zipfile.ZIP_STORED if item.filename == "mimetype" else zipfile.ZIP_DEFLATED
            zout.writestr(item, data, compress_type=kind)
    subprocess.run(["soffice", prof, "--headless", "--convert-to", "txt:Text (encoded):UTF8",
                    "--outdir", outdir, edited], capture_output=True, timeout=600)
    if not os.path.exists(os.path.join(outdir, stem + ".txt")):
        return "not converted (LibreOffice wrote no text from the edited .odt)"
    return f"via .odt: hidden spans/paragraphs emptied {n}, tracked changes accepted"


def main():
    outdir, files = sys.argv[1], sys.argv[2:]
    os.makedirs(outdir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        office = Office(tmp)
        office.start()
        try:
            for path in files:
                try:
                    done = convert(office, path, outdir)
                except Exception as e:  # noqa: BLE001  (a crash takes soffice down: restart it)
                    done = f"not loaded through UNO ({e})"
                    office.start()
                if done.startswith("not"):
                    done = f"{done}; {convert_via_odt(path, outdir, tmp)}"
                print(f"{path}: {done}", file=sys.stderr)
        finally:
            office.stop()


if __name__ == "__main__":
    main()
