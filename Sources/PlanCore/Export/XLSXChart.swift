/// A native line chart on a worksheet (``XLSXSheet/chart``): one series whose
/// categories and values are two columns of the sheet's own cells, so that the
/// chart follows the cells when someone edits them.
public struct XLSXChart: Sendable, Equatable {
    public var title: String
    /// 0-based columns of the categories (dates) and the values.
    public var categoryColumn: Int
    public var valueColumn: Int
    /// 1-based rows of the first and last point.
    public var firstRow: Int
    public var lastRow: Int
    /// Number format of the value axis, e.g. `0%`.
    public var valueFormat = "0%"
    /// Where the chart sits: 0-based columns and rows of its top-left and bottom-right corners.
    public var from: (column: Int, row: Int)
    public var to: (column: Int, row: Int)

    public init(
        title: String, categoryColumn: Int, valueColumn: Int, rows: ClosedRange<Int>,
        from: (column: Int, row: Int), to: (column: Int, row: Int)
    ) {
        self.title = title
        self.categoryColumn = categoryColumn
        self.valueColumn = valueColumn
        firstRow = rows.lowerBound
        lastRow = rows.upperBound
        self.from = from
        self.to = to
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.title == rhs.title && lhs.categoryColumn == rhs.categoryColumn && lhs.valueColumn == rhs.valueColumn
            && lhs.firstRow == rhs.firstRow && lhs.lastRow == rhs.lastRow && lhs.valueFormat == rhs.valueFormat
            && lhs.from == rhs.from && lhs.to == rhs.to
    }

    private static let chartNamespace = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    private static let drawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/main"

    /// `xl/charts/chartN.xml`. The values are cached in the part as well, for readers
    /// that draw a chart before they calculate the sheet.
    func xml(sheet: XLSXSheet) -> String {
        let name = "'" + XLSXWorkbook.escaped(sheet.name).replacingEvery("'", with: "''") + "'"
        func range(_ column: Int) -> String {
            let letters = XLSXSheet.columnLetters(column)
            return "\(name)!$\(letters)$\(firstRow):$\(letters)$\(lastRow)"
        }
        func cache(_ column: Int, format: String) -> String {
            let values = (firstRow...lastRow).map { row -> Double? in
                let cells = sheet.rows.indices.contains(row - 1) ? sheet.rows[row - 1] : []
                guard cells.indices.contains(column) else { return nil }
                switch cells[column] {
                case .number(let value, _): return value
                case .date(let date, _): return Double(XLSXSheet.serial(date))
                default: return nil
                }
            }
            let points = values.enumerated().compactMap { index, value in
                value.map { "<c:pt idx=\"\(index)\"><c:v>\(XLSXSheet.decimal($0))</c:v></c:pt>" }
            }
            return "<c:numCache><c:formatCode>\(format)</c:formatCode><c:ptCount val=\"\(values.count)\"/>"
                + points.joined() + "</c:numCache>"
        }
        let text = XLSXWorkbook.escaped(title)
        return XLSXWorkbook.declaration
            + "<c:chartSpace xmlns:c=\"\(Self.chartNamespace)\" xmlns:a=\"\(Self.drawingNamespace)\" "
            + "xmlns:r=\"\(XLSXWorkbook.relationshipNamespace)\"><c:roundedCorners val=\"0\"/><c:chart>"
            + "<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz=\"1200\" b=\"1\"/></a:pPr>"
            + "<a:r><a:rPr lang=\"en-GB\" sz=\"1200\" b=\"1\"/><a:t>\(text)</a:t></a:r></a:p></c:rich></c:tx>"
            + "<c:overlay val=\"0\"/></c:title><c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/>"
            + "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>"
            + "<c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:tx><c:v>\(text)</c:v></c:tx>"
            + "<c:spPr><a:ln w=\"28575\"><a:solidFill><a:srgbClr val=\"0B0C0C\"/></a:solidFill></a:ln></c:spPr>"
            + "<c:marker><c:symbol val=\"circle\"/><c:size val=\"6\"/>"
            + "<c:spPr><a:solidFill><a:srgbClr val=\"0B0C0C\"/></a:solidFill></c:spPr></c:marker>"
            + "<c:dLbls><c:numFmt formatCode=\"\(valueFormat)\" sourceLinked=\"0\"/><c:spPr><a:noFill/></c:spPr>"
            + "<c:dLblPos val=\"t\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/>"
            + "<c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>"
            + "<c:cat><c:numRef><c:f>\(range(categoryColumn))</c:f>\(cache(categoryColumn, format: "d mmm yyyy"))"
            + "</c:numRef></c:cat>"
            + "<c:val><c:numRef><c:f>\(range(valueColumn))</c:f>\(cache(valueColumn, format: valueFormat))"
            + "</c:numRef></c:val><c:smooth val=\"0\"/></c:ser>"
            + "<c:marker val=\"1\"/><c:axId val=\"500\"/><c:axId val=\"501\"/></c:lineChart>"
            + "<c:catAx><c:axId val=\"500\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling>"
            + "<c:delete val=\"0\"/><c:axPos val=\"b\"/><c:numFmt formatCode=\"mmm yyyy\" sourceLinked=\"0\"/>"
            + "<c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>"
            + "<c:crossAx val=\"501\"/><c:crosses val=\"autoZero\"/><c:auto val=\"0\"/><c:lblAlgn val=\"ctr\"/>"
            + "<c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>"
            + "<c:valAx><c:axId val=\"501\"/><c:scaling><c:orientation val=\"minMax\"/><c:max val=\"1\"/>"
            + "<c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/><c:majorGridlines/>"
            + "<c:numFmt formatCode=\"\(valueFormat)\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/>"
            + "<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"500\"/>"
            + "<c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/><c:majorUnit val=\"0.25\"/></c:valAx>"
            + "</c:plotArea><c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart></c:chartSpace>"
    }

    /// `xl/drawings/drawingN.xml`: the frame that places the chart over the cells.
    func drawingXML() -> String {
        XLSXWorkbook.declaration
            + "<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\" "
            + "xmlns:a=\"\(Self.drawingNamespace)\"><xdr:twoCellAnchor>"
            + "<xdr:from><xdr:col>\(from.column)</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>\(from.row)</xdr:row>"
            + "<xdr:rowOff>0</xdr:rowOff></xdr:from>"
            + "<xdr:to><xdr:col>\(to.column)</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>\(to.row)</xdr:row>"
            + "<xdr:rowOff>0</xdr:rowOff></xdr:to>"
            + "<xdr:graphicFrame macro=\"\"><xdr:nvGraphicFramePr><xdr:cNvPr id=\"2\" name=\"Trend\"/>"
            + "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>"
            + "<xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/></xdr:xfrm>"
            + "<a:graphic><a:graphicData uri=\"\(Self.chartNamespace)\">"
            + "<c:chart xmlns:c=\"\(Self.chartNamespace)\" xmlns:r=\"\(XLSXWorkbook.relationshipNamespace)\" "
            + "r:id=\"rId1\"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/>"
            + "</xdr:twoCellAnchor></xdr:wsDr>"
    }
}
