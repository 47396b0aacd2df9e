import JianzhengBase
import JianzhengSyntax
import Testing

@testable import Jianzheng

@Suite struct GraphAndBurdenTests {
    @Test func tarjanFindsSeveralComponentsAndSelfLoops() {
        // 0→1→2→0, 3→4→3, 5→5, 6 alone, 2→3.
        let successors = [[1], [2], [0, 3], [4], [3], [5], []]
        let components = StronglyConnectedComponents.compute(nodeCount: 7, successors: successors)
        #expect(Set(components) == Set([[0, 1, 2], [3, 4], [5], [6]]))
        // Reverse topological order: {3,4} (a sink of {0,1,2}) comes first.
        #expect(components.firstIndex(of: [3, 4])! < components.firstIndex(of: [0, 1, 2])!)
    }

    @Test func hundredThousandNodeCycleDoesNotOverflow() {
        let count = 100_000
        let successors = (0..<count).map { [($0 + 1) % count] }
        let components = StronglyConnectedComponents.compute(nodeCount: count, successors: successors)
        #expect(components.count == 1)
        #expect(components[0].count == count)
    }

    /// `n` procedures where each requires a certificate issued by the next, and the last by the first.
    static func ring(_ count: Int, basis: String? = nil) -> String {
        var text = ""
        for index in 0..<count {
            text += """
                material 证明\(index) {
                  kind certificate
                  issuer 工作单位
                  issued-by "R\(index)"
                }
                procedure "R\(index)" 事项\(index) {
                  department 民政部门
                  territory CN-62
                  volume 10
                  requires 证明\((index + 1) % count)\(basis.map { " { basis \($0) }" } ?? "")
                }

                """
        }
        return text
    }

    @Test func cycleWithoutBasisIsBrokenAndNamesTheCut() throws {
        let review = try Fixture.review(Self.ring(5))
        #expect(review.cycles.count == 1)
        let cycle = try #require(review.cycles.first)
        #expect(cycle.procedures.count == 5)
        #expect(cycle.path == ["R0", "R1", "R2", "R3", "R4"])
        #expect(cycle.status == .broken)
        #expect(cycle.cheapestCut?.basisSufficient == false)
        #expect(review.decisions.allSatisfy { $0.flags.contains(.circularProof) })
    }

    @Test func cycleWhoseEveryEdgeHasABasisIsUnresolved() throws {
        let review = try Fixture.review(Self.ring(3, basis: "《中华人民共和国公证法》第十一条"))
        let cycle = try #require(review.cycles.first)
        #expect(cycle.status == .unresolved)
        #expect(cycle.cutReason == .lowestRank)
    }

    @Test func tenThousandMutuallyRecursiveProceduresReviewWithoutStackOverflow() throws {
        let review = try Fixture.review(Self.ring(10_000))
        #expect(review.cycles.count == 1)
        #expect(review.cycles[0].procedures.count == 10_000)
        #expect(review.burdens.count == 10_000)
    }

    @Test func burdenIsTransitiveAndMatchesHandComputedFigures() throws {
        let review = try Fixture.review(
            """
            material 底层证明 {
              kind certificate
              issuer 工作单位
              trips 2
              days 3
              fee 10 元
            }
            material 中间证明 {
              kind certificate
              issuer 工作单位
              issued-by "B"
            }
            procedure "B" 开具中间证明 {
              department 民政部门
              territory CN-62
              trips 1
              days 5
              requires 底层证明
            }
            procedure "A" 主事项 {
              department 民政部门
              territory CN-62
              volume 1000
              trips 1
              days 2
              requires 中间证明 { share 50% }
            }
            """)
        let a = try #require(review.burdens.first { $0.procedureID == "A" })
        // A's own 1 trip and 2 days, plus half of (中间证明 + B's 1 trip, 5 days + 底层证明's 2 trips, 3 days, 10 元).
        #expect(a.before == Burden(certificates: 1, trips: 2.5, days: 6, fees: 5))
        // Both certificates are removed (no basis): only A's own trip and days remain.
        #expect(a.after == Burden(certificates: 0, trips: 1, days: 2, fees: 0))
        let model = review.costModel
        // Hours = 2.5 × 2 + 6 × 1 = 11; cost = 11 × 20 + 5 = 225 元 per applicant; × 1000 a year.
        #expect(a.before.hours(model) == 11)
        #expect(a.annualCost(a.before, model) == 225_000)
        #expect(a.annualTripsSaved == 1500)
    }

    @Test func reviewIsDeterministic() throws {
        let first = try Fixture.review(Self.ring(50))
        let second = try Fixture.review(Self.ring(50))
        #expect(first.decisions.map { "\($0.procedureID)\($0.material)\($0.verdict)\($0.reason)" }
            == second.decisions.map { "\($0.procedureID)\($0.material)\($0.verdict)\($0.reason)" })
    }
}

/// Issue 15: a partly covering source saved the whole burden; the applicants it leaves out still fetch the certificate.
@Suite struct CoverageWeightedBurdenTests {
    @Test func onlyTheCoveredShareIsSaved() throws {
        let review = try Fixture.review(
            """
            source 户籍库 {
              provider 公安机关
              sharing unconditional
              items 户籍
              coverage 60%
            }
            material 户籍证明 {
              kind certificate
              proves 户籍
              issuer 公安机关
              basis 《中华人民共和国公证法》第十一条
              trips 2
            }
            procedure "P1" 事项 {
              department 民政部门
              territory CN-62
              volume 100
              trips 0
              requires 户籍证明
            }
            """)
        #expect(review.decision("P1", "户籍证明")?.verdict == .obtainBySharing)
        let burden = try #require(review.burdens.first { $0.procedureID == "P1" })
        #expect(burden.before.trips == 2)
        #expect(abs(burden.after.trips - 0.8) < 1e-9, "\(burden.after.trips)")
        #expect(abs(burden.after.certificates - 0.4) < 1e-9)
    }
}

/// Issue 15: partial coverage was shared for everyone and the fallback for the uncovered never named.
@Suite struct UncoveredFallbackTests {
    static func catalogue(commitment: Bool) -> String {
        """
        source 婚姻库 {
          provider 公安机关
          sharing unconditional
          items 婚姻状况
          coverage 80%
        }
        material 婚姻证明 {
          kind certificate
          proves 婚姻状况
          issuer 公安机关
          basis 《中华人民共和国公证法》第十一条
          trips 1
        \(commitment ? "  commitment {\n    text \"本人承诺婚姻状况属实。\"\n    method 网络核验\n    sample 10%\n  }\n" : "")}
        procedure "P1" 事项 {
          department 民政部门
          territory CN-62
          trips 0
          requires 婚姻证明
        }
        """
    }

    @Test func theUncoveredBringTheCertificateOrSignTheCommitment() throws {
        let plain = try #require(try Fixture.review(Self.catalogue(commitment: false)).decision("P1", "婚姻证明"))
        #expect(plain.verdict == .obtainBySharing && plain.uncovered == .certificate)
        let committed = try Fixture.review(Self.catalogue(commitment: true))
        let decision = try #require(committed.decision("P1", "婚姻证明"))
        #expect(decision.uncovered == .commitment(.网络核验))
        #expect(decision.commitment.plan != nil)
        // Those who sign a commitment walk nowhere: the whole trip is saved.
        #expect(committed.burdens.first { $0.procedureID == "P1" }?.after.trips == 0)
    }
}

/// Issue 15: the office's cost of auditing commitments was nowhere in the burden.
@Suite struct AuditCostTests {
    @Test func auditedCommitmentsCostTheOfficeItsHours() throws {
        let review = try Fixture.review(
            """
            cost-model 含核查 {
              hourly-tariff 20
              hours-per-trip 2
              hours-per-day-of-delay 1
              audit-hours 0.5
            }
            policy 审计 {
              effective 2000-01-01
              cost-model 含核查
              sufficient-ranks law
              rule 承诺 {
                verdict commitment
                when kind = certificate and commitment.available
                because "承诺"
              }
              otherwise keep
            }
            material 收入证明 {
              kind certificate
              proves 收入
              issuer 工作单位
              commitment {
                text "本人承诺收入属实。"
                method 书面核查
                sample 10%
              }
            }
            procedure "P1" 资助 {
              department 教育行政部门
              territory CN-62
              volume 1000
              requires 收入证明 {
                share 50%
              }
            }
            """, policy: "审计")
        #expect(review.decision("P1", "收入证明")?.verdict == .commitment)
        // 1000 applications × 50 % who need it × 10 % audited × 0.5 hours = 25 hours, at 20 元 = 500 元.
        #expect(abs(review.annualAuditHours - 25) < 1e-9)
        #expect(abs(review.annualAuditCost - 500) < 1e-9)
    }
}

/// Issue 15: one hours-per-trip for every material; a trip to a distant issuer costs more.
@Suite struct MaterialTripHoursTests {
    @Test func aMaterialsOwnHoursPerTripAreUsed() throws {
        let catalogue = { (hours: String) in
            """
            material 外地证明 {
              kind certificate
              proves 外地情况
              issuer 工作单位
              basis 《中华人民共和国公证法》第十一条
              trips 1
              \(hours)
            }
            procedure "P1" 事项 {
              department 民政部门
              territory CN-62
              volume 10
              trips 0
              requires 外地证明
            }
            """
        }
        let model = try #require(try Fixture.review(catalogue("")).costModel)
        let plain = try #require(try Fixture.review(catalogue("")).burdens.first)
        #expect(plain.before.hours(model) == model.hoursPerTrip)
        let distant = try #require(try Fixture.review(catalogue("hours-per-trip 8")).burdens.first)
        #expect(distant.before.hours(model) == 8)
    }
}

/// Issue 15: one hours-per-trip for every applicant; a trip takes those from elsewhere longer. Situations declare
/// their own, and the burden weights them by who still makes the trip.
@Suite struct SituationBurdenTests {
    static func catalogue(source: Bool) -> String {
        """
        \(source ? "source 户籍库 {\n  provider 公安机关\n  sharing unconditional\n  items 户籍\n  covers 本地户籍\n}\n" : "")
        material 户籍证明 {
          kind certificate
          proves 户籍
          issuer 公安机关
          basis 《中华人民共和国公证法》第十一条
        }
        procedure "P1" 事项 {
          department 民政部门
          territory CN-62
          volume 100
          trips 0
          situation 本地户籍 {
            share          80%
            hours-per-trip 2
          }
          situation 外地户籍 {
            share          20%
            hours-per-trip 10
          }
          requires 户籍证明
        }
        """
    }

    @Test func eachSituationsTripsTakeItsOwnHours() throws {
        let review = try Fixture.review(Self.catalogue(source: false))
        let model = try #require(review.costModel)
        let burden = try #require(review.burdens.first { $0.procedureID == "P1" })
        // One trip: 80 % × 2 h + 20 % × 10 h = 3.6 h (the cost model's 2 h for everyone said 2).
        #expect(abs(burden.before.hours(model) - 3.6) < 1e-9, "\(burden.before.hours(model))")
    }

    @Test func afterSharingForLocalsOnlyTheOthersLongTripsRemain() throws {
        let review = try Fixture.review(Self.catalogue(source: true))
        let model = try #require(review.costModel)
        let decision = try #require(review.decision("P1", "户籍证明"))
        #expect(decision.situations.first { $0.situation.name == "外地户籍" }?.verdict == .keep)
        let burden = try #require(review.burdens.first { $0.procedureID == "P1" })
        #expect(abs(burden.before.hours(model) - 3.6) < 1e-9)
        // The fifth from elsewhere still makes a 10-hour trip: 2 h per applicant, not 20 % of the 3.6 h average.
        #expect(abs(burden.after.hours(model) - 2.0) < 1e-9, "\(burden.after.hours(model))")
        #expect(abs(burden.after.trips - 0.2) < 1e-9)
    }
}

/// Issue 20: a material whose facts hundreds of sources hold (a popular item) made every decision hold every
/// candidate — 24 GB at 50,000 procedures. A decision keeps a bounded sample, every mode and refusal represented,
/// and counts the rest; the verdict is computed from all of them.
@Suite struct BoundedSharingOptionsTests {
    @Test func manyCandidateSourcesAreSampledNotAllKept() throws {
        var text = "material 户籍证明 {\n  kind certificate\n  proves 户籍\n  issuer 公安机关\n  basis 《中华人民共和国公证法》第十一条\n}\n"
        text += "procedure \"P1\" 事项 {\n  department 民政部门\n  territory CN-62\n  requires 户籍证明\n}\n"
        for index in 0..<200 {
            // One in fifty is shared unconditionally; the others need an approval 民政部门 lacks.
            text += "source 库\(index) {\n  provider 公安机关\n  sharing \(index % 50 == 49 ? "unconditional" : "conditional")\n  items 户籍\n}\n"
        }
        let decision = try #require(try Fixture.review(text).decision("P1", "户籍证明"))
        #expect(decision.verdict == .obtainBySharing)
        #expect(decision.sharing.options.count == SharingAssessment.keptOptions)
        #expect(decision.sharing.omitted == 200 - SharingAssessment.keptOptions)
        #expect(decision.sharing.options.contains { $0.mode == .unconditional })
        #expect(decision.sharing.options.contains { $0.refusal == .notApproved(department: "民政部门") })
        #expect(decision.sharing.best?.mode == .unconditional)
    }
}
