"""
Adds to a workbook what openpyxl writes its own way: a sheet with a bar chart (its drawing in
the default namespace, which exceljs cannot read) and data validation. Saves as .xlsx.

Usage: python3 openpyxl-enrich.py IN.xlsx OUT.xlsx [SHEET]
With SHEET, the chart is put on that existing sheet instead (over its first figures), and no sheet is added.
"""
import sys
import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.datavalidation import DataValidation

def main(src, dst, sheet=None):
    wb = openpyxl.load_workbook(src)
    if sheet:
        ws = wb[sheet]
        chart = BarChart(); chart.title = "月度办件图表"
        chart.add_data(Reference(ws, min_col=7, min_row=7, max_row=9))
        ws.add_chart(chart, "R2")
        wb.save(dst)
        return
    ws = wb.create_sheet("图表")
    for r, (a, b) in enumerate([("月份", "件数"), ("一月", 3), ("二月", 5), ("三月", 2)], start=1):
        ws.cell(r, 1, a); ws.cell(r, 2, b)
    chart = BarChart(); chart.title = "月度办件图表"
    chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=4), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=4))
    ws.add_chart(chart, "D2")
    dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", showErrorMessage=True)
    ws.add_data_validation(dv); dv.add("B2:B4")
    wb.save(dst)

if __name__ == "__main__":
    main(*sys.argv[1:4])
