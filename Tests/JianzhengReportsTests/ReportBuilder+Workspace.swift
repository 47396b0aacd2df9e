import Jianzheng
import JianzhengReports
import JianzhengWorkspace

extension ReportBuilder {
    /// A report on a workspace's review, with the workspace's receipt (as `jianzheng report` builds it).
    init(review: Review, workspace: Workspace, language: ReportLanguage = .zh) throws {
        let receipt = try ReproducibilityReceipt(workspace: workspace, review: review)
        self.init(review: review, catalogue: workspace.catalogue, receipt: receipt, language: language)
    }
}
