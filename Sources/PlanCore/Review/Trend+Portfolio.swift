extension Trend {
    /// The portfolio's trend: the counts of `trends`, taken over the same days, added
    /// up day by day. Its key lists every status the plans' keys list.
    public init(combining trends: [Trend]) {
        var points: [Point] = []
        for trend in trends {
            for (index, point) in trend.points.enumerated() {
                if index < points.count {
                    points[index].counts.merge(point.counts)
                } else {
                    points.append(point)
                }
            }
        }
        self.points = points
        let statuses = Set(trends.flatMap(\.statusKey.statuses))
        statusKey = StatusKey(
            entries: Status.allCases.filter(statuses.contains).map {
                StatusKey.Entry(status: $0, label: $0.name, definition: $0.defaultDefinition)
            })
    }
}
