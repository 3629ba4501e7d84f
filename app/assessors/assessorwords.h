#pragma once

// How a trusted-assessor authorisation is put in words for the team view, the person page and
// My learning, the same everywhere: its status (core's checkTrustedAssessor on today) as a
// word and a colour, its level and categories as labels, and its dates as DD/MM/YYYY.

#include "assessors/assessor_repository.h"
#include "assessors/trusted_assessor.h"

#include <QString>
#include <QVariantMap>

#include <vector>

namespace assessorwords {

/// The team view's "lapsing soon" window: authorised today and due within this many days.
inline constexpr int kLapsingDays = 90;

/// The key an editor loads an authorisation by: `employee_id/level_code`.
[[nodiscard]] QString keyOf(const ledger::TrustedAssessor& assessor);

/// One authorisation on `today` as a row: key, employeeId, name, team, level (its label),
/// levelCode, categories (labels, comma separated), status (word), statusCode, badge (the
/// colour of StatusBadge: authorised green, lapsing amber, lapsed red, in training blue-grey,
/// withdrawn grey), refresherDue (DD/MM/YYYY or ""), when (the date that matters, in words),
/// signedOff ("Name on DD/MM/YYYY" or ""), restrictions, lapsing (bool).
[[nodiscard]] QVariantMap rowOf(const ledger::TrustedAssessor& assessor,
                                const ledger::AssessorFigures& figures, const ledger::Date& today,
                                const QString& name, const QString& team, const QString& signerName,
                                const std::vector<ledger::EquipmentCategory>& categories);

/// The role names of a row, in the order rowOf fills them.
[[nodiscard]] QStringList roles();

} // namespace assessorwords
