/// Stable codes for why a verdict was given, and flags that accompany it.
public enum ReasonCode: String, Sendable, Codable, CaseIterable {
    case noBasis = "NO_BASIS"
    case basisRankInsufficient = "BASIS_RANK_INSUFFICIENT"
    case basisRepealed = "BASIS_REPEALED"
    case basisNotYetInForce = "BASIS_NOT_YET_IN_FORCE"
    case basisOutsideTerritory = "BASIS_OUTSIDE_TERRITORY"
    case issuerProhibited = "ISSUER_PROHIBITED"
    case absurdProvableByLicence = "ABSURD_PROVABLE_BY_LICENCE"
    case absurdSelfEvident = "ABSURD_SELF_EVIDENT"
    case absurdIssuerCannotVerify = "ABSURD_ISSUER_CANNOT_VERIFY"
    case absurdUnrelated = "ABSURD_UNRELATED_TO_PURPOSE"
    case dutyShifted = "DUTY_SHIFTED"
    case shareable = "SHAREABLE"
    case commitmentEligible = "COMMITMENT_ELIGIBLE"
    case basisSufficient = "BASIS_SUFFICIENT"
    case notACertificate = "NOT_A_CERTIFICATE"
    /// Kept: a cited act or provision is not in the corpus, so the basis cannot be judged yet (待核实依据).
    case basisPendingVerification = "BASIS_PENDING_VERIFICATION"
    /// Removed to break a circular proof, whatever its basis.
    case circularProof = "CIRCULAR_PROOF"
    /// Decided by the policy rule on grounds none of the other codes names (its `because` says which).
    case policyRule = "POLICY_RULE"
    /// Kept: what it proves is a condition a sufficient article sets, and neither sharing nor a commitment can
    /// establish it instead (the certificate's own basis is not the question).
    case statutoryCondition = "STATUTORY_CONDITION"
    /// Removed: the condition it is evidence of is established by another of its evidence (any-of).
    case provenByOtherEvidence = "PROVEN_BY_OTHER_EVIDENCE"
}

/// Facts worth a human's attention that do not by themselves decide the verdict.
public enum Flag: String, Sendable, Codable, CaseIterable {
    case delegatedBasis = "DELEGATED_BASIS"
    case conditionOnlyBasis = "CONDITION_ONLY_BASIS"
    case dutyShifted = "DUTY_SHIFTED"
    case partialCoverage = "PARTIAL_COVERAGE"
    case commitmentExcludedDomain = "COMMITMENT_EXCLUDED_DOMAIN"
    case commitmentExcludedApplicant = "COMMITMENT_EXCLUDED_APPLICANT"
    case catalogueConflict = "CATALOGUE_CONFLICT"
    case issuerProhibited = "ISSUER_PROHIBITED"
    case absurd = "ABSURD_CERTIFICATE"
    case circularProof = "CIRCULAR_PROOF"
    case unverifiedLegalText = "UNVERIFIED_LEGAL_TEXT"
    /// A cited basis is not in the corpus; a removal it would have led to was held back.
    case basisPending = "BASIS_PENDING"
    /// Obtained by sharing, but each use needs the applicant's authorisation.
    case applicantAuthorisation = "APPLICANT_AUTHORISATION"
}
