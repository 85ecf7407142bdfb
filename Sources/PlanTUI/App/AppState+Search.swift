import PlanCore

/// The search index and the work the runtime does for it while no key is waiting.
extension AppState {
    /// Whether there is work to do between keys: the search index is being built.
    public var hasIdleWork: Bool { !searchIndex.isComplete }

    /// One slice of that work (``SearchIndex/sliceSize`` actions): the runtime calls it
    /// while no key is waiting, so that the first letter of a search finds the index made.
    public mutating func doIdleWork() {
        guard hasIdleWork else { return }
        searchIndex.extend(plan.actions)
    }

    /// Which actions contain `query` (lower-cased UTF-8): the index finished first if
    /// the runtime has not had the time to.
    mutating func searchHits(_ query: [UInt8]) -> ActionBits {
        if !searchIndex.isComplete { searchIndex.extend(plan.actions, by: plan.actions.count) }
        return searchIndex.hits(query)
    }
}
