#include "programmes/programmewords.h"

#include "cpd/cpd_entry.h"

#include <algorithm>

using convert::text;

namespace programmewords {

QString reviewName(ledger::AsyeReview review) {
    switch (review) {
    case ledger::AsyeReview::ThreeMonth:
        return QObject::tr("3-month review");
    case ledger::AsyeReview::SixMonth:
        return QObject::tr("6-month review");
    case ledger::AsyeReview::NineMonth:
        return QObject::tr("9-month review");
    case ledger::AsyeReview::Final:
        break;
    }
    return QObject::tr("Final review");
}

QString reviewOutcomeWords(ledger::ReviewOutcome outcome) {
    return labelOf(ledger::asyeSpec(), "outcome_3m", ledger::reviewOutcomeCode(outcome));
}

QString asyeOutcomeWords(ledger::AsyeOutcome outcome) {
    return labelOf(ledger::asyeSpec(), "outcome", ledger::asyeOutcomeCode(outcome));
}

QString asyeOutcomeTone(ledger::AsyeOutcome outcome) {
    switch (outcome) {
    case ledger::AsyeOutcome::Passed:
        return QStringLiteral("met");
    case ledger::AsyeOutcome::Extended:
        return QStringLiteral("due_soon");
    case ledger::AsyeOutcome::NotPassed:
        return QStringLiteral("not_met");
    case ledger::AsyeOutcome::Withdrawn:
        break;
    }
    return QStringLiteral("draft");
}

QString apprenticeshipStatusWords(ledger::ApprenticeshipStatus status) {
    switch (status) {
    case ledger::ApprenticeshipStatus::Active:
        return QObject::tr("Active");
    case ledger::ApprenticeshipStatus::OnBreak:
        return QObject::tr("On a break");
    case ledger::ApprenticeshipStatus::Completed:
        return QObject::tr("Completed");
    case ledger::ApprenticeshipStatus::Withdrawn:
        break;
    }
    return QObject::tr("Withdrawn");
}

QString apprenticeshipStatusTone(ledger::ApprenticeshipStatus status) {
    switch (status) {
    case ledger::ApprenticeshipStatus::Active:
        return QStringLiteral("not_yet_due");
    case ledger::ApprenticeshipStatus::OnBreak:
        return QStringLiteral("due_soon");
    case ledger::ApprenticeshipStatus::Completed:
        return QStringLiteral("met");
    case ledger::ApprenticeshipStatus::Withdrawn:
        break;
    }
    return QStringLiteral("withdrawn");
}

QString hours(ledger::Hundredths h) {
    return text(ledger::formatHours(h));
}

double hoursValue(ledger::Hundredths h) {
    return static_cast<double>(h) / 100.0;
}

namespace {

QString breaksWords(std::span<const ledger::DatePeriod> breaks) {
    QStringList out;
    for (const ledger::DatePeriod& p : breaks) {
        out << QObject::tr("%1 to %2").arg(convert::uk(p.from), convert::uk(p.to));
    }
    return out.join(QStringLiteral("; "));
}

} // namespace

QVariantMap apprenticeshipRow(const ledger::Apprenticeship& a,
                              const ledger::ApprenticeshipFigures& f) {
    QVariantMap row;
    row.insert(QStringLiteral("employeeId"), text(a.employeeId));
    row.insert(QStringLiteral("standardCode"), text(a.standardCode));
    row.insert(QStringLiteral("standardTitle"), text(a.standardTitle));
    row.insert(QStringLiteral("provider"), text(a.provider));
    row.insert(QStringLiteral("start"), convert::uk(a.startDate));
    row.insert(QStringLiteral("plannedEnd"), convert::uk(a.plannedEndDate));
    row.insert(QStringLiteral("statusCode"), text(ledger::apprenticeshipStatusCode(f.status)));
    row.insert(QStringLiteral("status"), apprenticeshipStatusWords(f.status));
    row.insert(QStringLiteral("tone"), apprenticeshipStatusTone(f.status));
    row.insert(QStringLiteral("planned"), hours(f.planned));
    row.insert(QStringLiteral("expected"), hours(f.expected));
    row.insert(QStringLiteral("logged"), hours(f.logged));
    row.insert(QStringLiteral("plannedValue"), hoursValue(f.planned));
    row.insert(QStringLiteral("expectedValue"), hoursValue(f.expected));
    row.insert(QStringLiteral("loggedValue"), hoursValue(f.logged));
    row.insert(QStringLiteral("onTrack"), !f.onTrack   ? QString()
                                          : *f.onTrack ? QObject::tr("On track")
                                                       : QObject::tr("Behind"));
    row.insert(QStringLiteral("onTrackCode"), !f.onTrack   ? QString()
                                              : *f.onTrack ? QStringLiteral("on_track")
                                                           : QStringLiteral("behind"));
    row.insert(QStringLiteral("lastReview"), convert::uk(f.lastReview));
    row.insert(QStringLiteral("nextReviewDue"), convert::uk(f.nextReviewDue));
    const bool reviewOverdue = f.reviewOverdue.value_or(false);
    row.insert(QStringLiteral("reviewOverdue"), reviewOverdue);
    QString review;
    if (reviewOverdue) {
        review = QObject::tr("Review overdue (due %1)").arg(convert::uk(f.nextReviewDue));
    } else if (f.nextReviewDue) {
        review = QObject::tr("Next review due %1").arg(convert::uk(f.nextReviewDue));
    } else if (f.lastReview) {
        review = QObject::tr("Last review %1").arg(convert::uk(f.lastReview));
    }
    row.insert(QStringLiteral("review"), review);
    const bool epaOverdue = f.epaOverdue.value_or(false);
    row.insert(QStringLiteral("epaOverdue"), epaOverdue);
    QStringList epa;
    if (a.gatewayDate) {
        epa << QObject::tr("Gateway %1").arg(convert::uk(a.gatewayDate));
    }
    if (a.epaDate) {
        epa << (a.epaResult ? QObject::tr("EPA %1: %2")
                                  .arg(convert::uk(a.epaDate),
                                       labelOf(ledger::apprenticeshipSpec(), "epa_result",
                                               ledger::epaResultCode(*a.epaResult)))
                            : QObject::tr("EPA %1").arg(convert::uk(a.epaDate)));
    }
    if (epaOverdue) {
        epa << QObject::tr("EPA overdue (planned end %1)").arg(convert::uk(a.plannedEndDate));
    }
    if (epa.isEmpty()) {
        epa << QObject::tr("No EPA date yet");
    }
    row.insert(QStringLiteral("epa"), epa.join(QStringLiteral(" · ")));
    row.insert(QStringLiteral("breaks"), breaksWords(a.breaks));
    row.insert(QStringLiteral("interval"),
               QObject::tr("Reviews every %1 weeks").arg(a.reviewIntervalWeeks));
    row.insert(QStringLiteral("withdrawnOn"), convert::uk(a.withdrawnOn));
    return row;
}

} // namespace programmewords

namespace programmewords {

QVariantMap asyeSummary(const ledger::AsyeEnrolment& e, const ledger::AsyeFigures& f,
                        const ledger::Date& today) {
    QVariantMap row;
    const bool closed = ledger::isClosed(e);
    row.insert(QStringLiteral("start"), convert::uk(e.start));
    row.insert(QStringLiteral("finalReview"), convert::uk(f.reviews.finalReview));
    row.insert(QStringLiteral("closed"), closed);
    row.insert(QStringLiteral("outcome"), e.outcome ? asyeOutcomeWords(*e.outcome) : QString());
    row.insert(QStringLiteral("extension"), e.extensionMonths == 0 ? QObject::tr("None")
                                            : e.extensionMonths == 1
                                                ? QObject::tr("1 month")
                                                : QObject::tr("%1 months").arg(e.extensionMonths));
    QString next;
    if (f.nextReview) {
        for (const ledger::AsyeReview r :
             {ledger::AsyeReview::ThreeMonth, ledger::AsyeReview::SixMonth,
              ledger::AsyeReview::NineMonth, ledger::AsyeReview::Final}) {
            if (f.reviews.of(r) == f.nextReview && !ledger::reviewOutcome(e, r)) {
                next = QObject::tr("%1 on %2").arg(reviewName(r), convert::uk(f.nextReview));
                break;
            }
        }
    }
    row.insert(QStringLiteral("nextReview"), next);
    const int overdueReviews = static_cast<int>(f.overdue.size());
    const int gaps = static_cast<int>(f.gaps.size());
    row.insert(QStringLiteral("overdueReviews"), overdueReviews);
    row.insert(QStringLiteral("gapCount"), gaps);
    QStringList overdue;
    for (const ledger::AsyeReview r : f.overdue) {
        overdue
            << QObject::tr("%1 overdue (due %2)").arg(reviewName(r), convert::uk(f.reviews.of(r)));
    }
    if (gaps > 0) {
        overdue << (gaps == 1 ? QObject::tr("1 supervision gap")
                              : QObject::tr("%1 supervision gaps").arg(gaps));
    }
    row.insert(QStringLiteral("overdue"), overdue.join(QStringLiteral(" · ")));
    QString code;
    QString status;
    if (closed) {
        code = asyeOutcomeTone(*e.outcome);
        status = asyeOutcomeWords(*e.outcome);
    } else if (overdueReviews > 0) {
        code = QStringLiteral("overdue");
        status = QObject::tr("Review overdue");
    } else if (gaps > 0) {
        code = QStringLiteral("due_soon");
        status = QObject::tr("Supervision gaps");
    } else {
        code = QStringLiteral("met");
        status = e.outcome == ledger::AsyeOutcome::Extended ? QObject::tr("Extended, on track")
                                                            : QObject::tr("On track");
    }
    row.insert(QStringLiteral("statusCode"), code);
    row.insert(QStringLiteral("status"), status);
    QStringList held;
    for (const ledger::AsyeReview r : {ledger::AsyeReview::ThreeMonth, ledger::AsyeReview::SixMonth,
                                       ledger::AsyeReview::NineMonth, ledger::AsyeReview::Final}) {
        if (const auto o = ledger::reviewOutcome(e, r)) {
            held << QStringLiteral("%1 %2").arg(text(ledger::asyeReviewCode(r)),
                                                reviewOutcomeWords(*o));
        }
    }
    row.insert(QStringLiteral("reviewsHeld"), held.isEmpty() ? QObject::tr("No review outcomes yet")
                                                             : held.join(QStringLiteral(" · ")));
    const int span = ledger::daysBetween(e.start, f.reviews.finalReview);
    const int done = ledger::daysBetween(e.start, today);
    row.insert(QStringLiteral("progressValue"),
               closed || span <= 0 ? 1.0 : std::clamp(static_cast<double>(done) / span, 0.0, 1.0));
    return row;
}

} // namespace programmewords
