import GalleyLayout
@testable import GalleyPDF
import Testing

/// The reading order and pruning of the structure tree, without a PDF.
@Suite struct StructurePlanTests {
    @Test func ownContentIsPlacedAmongChildrenByWhereEachChildIsFirstDrawn() throws {
        let nodes = [StructureNode(.document, parent: -1), StructureNode(.paragraph, parent: 0), StructureNode(.link, parent: 1),
                     StructureNode(.span, parent: 1)]
        // P draws MCIDs 0 and 3 on page 0 and 0 on page 1; its link draws 1, its span 2 on page 0.
        let plan = try StructurePlan(nodes: nodes, content: [[(0, 1), (1, 2), (2, 3), (3, 1)], [(0, 1)]], annotations: [[2], []])
        #expect(plan.kids[1] == [.content(page: 0, mcid: 0), .element(2), .element(3), .content(page: 0, mcid: 3), .content(page: 1, mcid: 0)])
        #expect(plan.kids[2] == [.content(page: 0, mcid: 1), .annotation(page: 0, index: 0)])
        #expect(plan.page[1] == nil && plan.page[2] == 0)
    }

    @Test func childrenAreReadInTheirOrderNotTheirIndex() throws {
        let nodes = [StructureNode(.document, parent: -1), StructureNode(.paragraph, parent: 0, order: 2), StructureNode(.paragraph, parent: 0, order: 1)]
        let plan = try StructurePlan(nodes: nodes, content: [[(0, 1), (1, 2)]], annotations: [])
        #expect(plan.kids[0] == [.element(2), .element(1)])
        #expect(plan.elements == [0, 2, 1])
    }

    @Test func emptyNodesAreLeftOutButEmptyTableCellsKeepTheirPlace() throws {
        let nodes = [StructureNode(.document, parent: -1), StructureNode(.section, parent: 0), StructureNode(.paragraph, parent: 1),
                     StructureNode(.table, parent: 0), StructureNode(.tableRow, parent: 3), StructureNode(.tableCell, parent: 4),
                     StructureNode(.tableCell, parent: 4)]
        let plan = try StructurePlan(nodes: nodes, content: [[(0, 6)]], annotations: [])
        #expect(plan.elements == [0, 3, 4, 5, 6])
        #expect(plan.kids[4] == [.element(5), .element(6)])
    }

    @Test func aStructureThatIsNotATreeIsRefused() {
        let cycle = [StructureNode(.document, parent: -1), StructureNode(.paragraph, parent: 2), StructureNode(.paragraph, parent: 1)]
        #expect(throws: PDFFinishError.self) { try StructurePlan(nodes: cycle, content: [], annotations: []) }
        let dangling = [StructureNode(.document, parent: -1), StructureNode(.paragraph, parent: 7)]
        #expect(throws: PDFFinishError.self) { try StructurePlan(nodes: dangling, content: [], annotations: []) }
        let unknownNode = [StructureNode(.document, parent: -1)]
        #expect(throws: PDFFinishError.self) { try StructurePlan(nodes: unknownNode, content: [[(0, 4)]], annotations: []) }
    }
}
