#pragma once

// The programmes in words for the pages (ASYE and apprenticeships): choices' labels from the
// core specs, review names, status words with the badge colour that goes with them, and one
// apprenticeship's row as its list, the person page and its detail show it. Every figure is
// core's (asye.h, apprenticeship.h); these only word and format them.

#include "common/convert.h"

#include "programmes/apprenticeship.h"
#include "programmes/asye.h"

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>

#include <span>
#include <string_view>

namespace programmewords {

/// A choice's label in a record spec (`not_held` is "Not held"); the code when it has none.
template <typename Record>
QString labelOf(const ledger::RecordSpec<Record>& spec, std::string_view field,
                const std::string& code) {
    for (const ledger::ChoiceOption& o : spec.at(field).choices) {
        if (o.code == code) {
            return convert::text(std::string(o.label));
        }
    }
    return convert::text(code);
}

/// "3-month review", "6-month review", "9-month review", "Final review".
QString reviewName(ledger::AsyeReview review);
/// A review outcome's words ("On track", "Concerns", "Not held").
QString reviewOutcomeWords(ledger::ReviewOutcome outcome);
/// The year's outcome in words ("Passed", "Extended", "Not passed", "Withdrawn").
QString asyeOutcomeWords(ledger::AsyeOutcome outcome);
/// The badge colour of the year's outcome (StatusBadge codes: met, not_met, draft, due_soon).
QString asyeOutcomeTone(ledger::AsyeOutcome outcome);

/// "Active", "On a break", "Completed", "Withdrawn".
QString apprenticeshipStatusWords(ledger::ApprenticeshipStatus status);
/// The badge colour of a status.
QString apprenticeshipStatusTone(ledger::ApprenticeshipStatus status);

/// `123.50` hours as core formats them.
QString hours(ledger::Hundredths h);
/// Hours as a number for a bar's length (display only).
double hoursValue(ledger::Hundredths h);

/// One apprenticeship on D as its rows show it: employeeId, standardCode, standardTitle,
/// provider, start, plannedEnd, statusCode, status (words), tone (badge colour), planned,
/// expected, logged (`12.00`), plannedValue, expectedValue, loggedValue (numbers for the bar),
/// onTrack ("On track", "Behind", ""), onTrackCode (`on_track`, `behind`, ""), lastReview,
/// nextReviewDue, reviewOverdue (bool), review (words), epaOverdue (bool), epa (words), breaks
/// (words), interval (words).
QVariantMap apprenticeshipRow(const ledger::Apprenticeship& a,
                              const ledger::ApprenticeshipFigures& f);

/// One ASYE enrolment on D as the cohort and the person's page show it: start, finalReview,
/// closed (bool), outcome (words, "" for none yet), extension (words), nextReview (words, ""
/// for none), overdueReviews (count), gapCount, overdue (words: the reviews overdue and the
/// supervision gaps, "" for none), statusCode (badge colour), status (words), reviewsHeld
/// ("3m On track · 6m Concerns"), progressValue (0 to 1: how far D is from start to the final
/// review, for a bar only).
QVariantMap asyeSummary(const ledger::AsyeEnrolment& e, const ledger::AsyeFigures& f,
                        const ledger::Date& today);

} // namespace programmewords
