"""
Opens a workbook in LibreOffice Calc (headless, driven over UNO on a loopback socket) and adds
what a clerk's own workbook holds and exceljs does not model, then saves it as .xlsx:
a sheet with a bar chart, an image, a comment, a conditional format and a data bar; a named
range; a hidden sheet; a protected sheet; print settings (landscape, print area).

Usage: python3 libreoffice-enrich.py IN.xlsx OUT.xlsx IMAGE.png
"""
import os, subprocess, sys, tempfile, time
import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.awt import Rectangle, Size, Point
from com.sun.star.table import CellRangeAddress, CellAddress

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

def main(src, dst, image):
    profile = tempfile.mkdtemp(prefix="nianbao-lo-uno-")
    port = 20000 + os.getpid() % 20000
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo", f"-env:UserInstallation=file://{profile}",
                               f"--accept=socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"); break
            except Exception:
                time.sleep(0.5)
        if ctx is None: raise SystemExit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
        sheets = doc.Sheets
        n = sheets.Count
        sheets.insertNewByName("图表", n)
        ws = sheets.getByName("图表")
        rows = [("月份", "件数"), ("一月", 3), ("二月", 5), ("三月", 2), ("四月", 7)]
        for r, (a, b) in enumerate(rows):
            ws.getCellByPosition(0, r).setString(a)
            if isinstance(b, str): ws.getCellByPosition(1, r).setString(b)
            else: ws.getCellByPosition(1, r).setValue(b)
        # The chart: a bar chart of B1:B5 with its title.
        rng = CellRangeAddress(); rng.Sheet = n; rng.StartColumn = 0; rng.StartRow = 0; rng.EndColumn = 1; rng.EndRow = 4
        rect = Rectangle(); rect.X = 4000; rect.Y = 500; rect.Width = 12000; rect.Height = 7000
        ws.Charts.addNewByName("办件图", rect, (rng,), True, True)
        chart = ws.Charts.getByName("办件图").EmbeddedObject
        chart.HasMainTitle = True
        chart.Title.String = "月度办件图表"
        # An image.
        g = doc.createInstance("com.sun.star.drawing.GraphicObjectShape")
        provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.graphic.GraphicProvider", ctx)
        g.Graphic = provider.queryGraphic((prop("URL", uno.systemPathToFileUrl(os.path.abspath(image))),))
        ws.DrawPage.add(g)
        s = Size(); s.Width = 3000; s.Height = 2000; g.setSize(s)
        p = Point(); p.X = 500; p.Y = 4000; g.setPosition(p)
        # A comment (note).
        addr = CellAddress(); addr.Sheet = n; addr.Column = 1; addr.Row = 1
        ws.Annotations.insertNew(addr, "一月数字已与台账核对")
        # A conditional format and a data bar.
        cf = ws.getCellRangeByName("B2:B5").ConditionalFormat
        cf.addNew((prop("Operator", uno.Enum("com.sun.star.sheet.ConditionOperator", "GREATER")), prop("Formula1", "4"), prop("StyleName", "Accent 1")))
        ws.getCellRangeByName("B2:B5").ConditionalFormat = cf
        ranges = doc.createInstance("com.sun.star.sheet.SheetCellRanges")
        ranges.addRangeAddress(ws.getCellRangeByName("B2:B5").RangeAddress, False)
        try:
            formats = ws.ConditionalFormats
            key = formats.createByRange(ranges)
            entry = [f for f in formats.ConditionalFormats if f.ID == key][0]
            entry.createEntry(uno.getConstantByName("com.sun.star.sheet.ConditionEntryType.DATABAR"), 0)
        except Exception as e:
            print("data bar not added:", e, file=sys.stderr)
        # A named range.
        doc.NamedRanges.addNewByName("月度件数", "$图表.$B$2:$B$5", CellAddress(), 0)
        # A hidden sheet and a protected sheet.
        sheets.insertNewByName("隐藏", n + 1)
        hidden = sheets.getByName("隐藏"); hidden.getCellByPosition(0, 0).setString("不显示的备注"); hidden.IsVisible = False
        sheets.insertNewByName("保护", n + 2)
        prot = sheets.getByName("保护"); prot.getCellByPosition(0, 0).setString("已锁定"); prot.protect("")
        # Print settings: the chart sheet landscape, with a print area.
        style = doc.StyleFamilies.getByName("PageStyles").getByName(ws.PageStyle)
        style.IsLandscape = True
        w, h = style.Width, style.Height
        if w < h: style.Width, style.Height = h, w
        area = CellRangeAddress(); area.Sheet = n; area.StartColumn = 0; area.StartRow = 0; area.EndColumn = 9; area.EndRow = 19
        ws.setPrintAreas((area,))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
    finally:
        try: desktop.terminate()
        except Exception: pass
        try: office.wait(timeout=30)
        except Exception: office.kill()

if __name__ == "__main__":
    main(*sys.argv[1:4])
