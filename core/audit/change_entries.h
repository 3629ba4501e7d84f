#pragma once

// How use cases describe a record in the change log: its fields as text, the JSON of an entry's
// before and after, its key and the person it concerns. Private to core's services.

#include "assessors/trusted_assessor.h"
#include "audit/change_log.h"
#include "audit/change_log_repository.h"
#include "base/error.h"
#include "cpd/cpd_entry.h"
#include "programmes/apprenticeship.h"
#include "programmes/asye.h"
#include "sessions/session.h"
#include "staff/staff.h"
#include "store/unit_of_work.h"
#include "themes/theme.h"
#include "training/training.h"

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace ledger {

/// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`, for the change log.
[[nodiscard]] std::string utcTimestamp();

using Fields = FieldValues;

/// The spec of each kind of record, so that one template describes them all.
inline const RecordSpec<Staff>& specOf(const Staff&) {
    return staffSpec();
}
inline const RecordSpec<Module>& specOf(const Module&) {
    return moduleSpec();
}
inline const RecordSpec<Requirement>& specOf(const Requirement&) {
    return requirementSpec();
}
inline const RecordSpec<Completion>& specOf(const Completion&) {
    return completionSpec();
}
inline const RecordSpec<LearningSession>& specOf(const LearningSession&) {
    return sessionSpec();
}
inline const RecordSpec<CpdEntry>& specOf(const CpdEntry&) {
    return cpdSpec();
}
inline const RecordSpec<TrustedAssessor>& specOf(const TrustedAssessor&) {
    return trustedAssessorSpec();
}
inline const RecordSpec<AsyeEnrolment>& specOf(const AsyeEnrolment&) {
    return asyeSpec();
}
inline const RecordSpec<Supervision>& specOf(const Supervision&) {
    return supervisionSpec();
}
inline const RecordSpec<Apprenticeship>& specOf(const Apprenticeship&) {
    return apprenticeshipSpec();
}
inline const RecordSpec<OtjEntry>& specOf(const OtjEntry&) {
    return otjEntrySpec();
}
inline const RecordSpec<ApprenticeshipReview>& specOf(const ApprenticeshipReview&) {
    return apprenticeshipReviewSpec();
}
inline const RecordSpec<AuditTheme>& specOf(const AuditTheme&) {
    return auditThemeSpec();
}

/// A record's values as the change log keeps them: every field but its key, from its spec.
template <typename Record> Fields fieldsOf(const Record& record) {
    return valuesOf(specOf(record), record, true, false, false);
}

/// A correction may also move a completion to another module or date (its key), never to
/// another person.
inline Fields correctionFieldsOf(const Completion& c) {
    return valuesOf(completionSpec(), c, true, true, false);
}

inline std::string jsonString(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out.push_back(c);
            }
        }
    }
    return out + "\"";
}

inline std::string json(const Fields& fields) {
    std::string out = "{";
    for (const auto& [name, value] : fields) {
        out += (out.size() > 1 ? "," : "") + jsonString(name) + ":" + jsonString(value);
    }
    return out + "}";
}

/// The old and new values of the fields that differ.
inline std::pair<Fields, Fields> changedFields(const Fields& before, const Fields& after) {
    Fields oldValues, newValues;
    for (std::size_t i = 0; i < before.size() && i < after.size(); ++i) {
        if (before[i].second != after[i].second) {
            oldValues.push_back(before[i]);
            newValues.push_back(after[i]);
        }
    }
    return {oldValues, newValues};
}

inline std::pair<std::string, std::string> diff(const Fields& before, const Fields& after) {
    const auto [oldValues, newValues] = changedFields(before, after);
    return {json(oldValues), json(newValues)};
}

inline ChangeLogEntry logEntry(std::string_view actor, std::string_view entity, std::string key,
                               std::string_view action, std::string oldValues,
                               std::string newValues) {
    ChangeLogEntry entry;
    entry.at = utcTimestamp();
    entry.actor = std::string(actor);
    entry.entity = std::string(entity);
    entry.recordKey = std::move(key);
    entry.action = std::string(action);
    entry.oldValues = std::move(oldValues);
    entry.newValues = std::move(newValues);
    return entry;
}

/// The person a record concerns, for the change log's subject.
inline std::string subjectOf(const Staff& s) {
    return s.employeeId;
}
inline std::string subjectOf(const Completion& c) {
    return c.employeeId;
}
inline std::string subjectOf(const CpdEntry& e) {
    return e.employeeId;
}
inline std::string subjectOf(const TrustedAssessor& a) {
    return a.employeeId;
}
inline std::string subjectOf(const AsyeEnrolment& e) {
    return e.employeeId;
}
inline std::string subjectOf(const Supervision& s) {
    return s.employeeId;
}
inline std::string subjectOf(const Apprenticeship& a) {
    return a.employeeId;
}
inline std::string subjectOf(const OtjEntry& o) {
    return o.employeeId;
}
inline std::string subjectOf(const ApprenticeshipReview& r) {
    return r.employeeId;
}
template <typename Record> std::string subjectOf(const Record&) {
    return {};
}

template <typename Record>
ChangeLogEntry changeEntry(std::string_view actor, const char* entity, std::string key,
                           const Record* before, const Record& after) {
    ChangeLogEntry entry;
    entry.at = utcTimestamp();
    entry.actor = std::string(actor);
    entry.entity = entity;
    entry.recordKey = std::move(key);
    entry.subject = subjectOf(after);
    if (before) {
        entry.action = "update";
        std::tie(entry.oldValues, entry.newValues) = diff(fieldsOf(*before), fieldsOf(after));
    } else {
        entry.action = "add";
        entry.newValues = json(fieldsOf(after));
    }
    return entry;
}

/// Writes a record and its change-log entry, and links the record to it (created or
/// changed).
inline void logged(ChangeLogRepository& changes, const char* entity, RecordId id,
                   const ChangeLogEntry& entry, bool created) {
    const RecordId change = changes.append(entry);
    changes.linkChange(entity, id, change, created);
}

/// The StaleRecord for record `id` of `entity` (`what` names it for a person: "this
/// person"), naming who last saved it and when, from the change log.
[[nodiscard]] StaleRecord staleRecord(ChangeLogRepository& changes, std::string_view entity,
                                      RecordId id, std::string_view what);

/// Runs `save`, the saving of a record the person loaded at version `expected` (unknown: not
/// checked) whose stored version, read in this unit of work, is `stored`. Someone else's
/// save in between refuses it with staleRecord, nothing written: found here, or, on a server
/// where they saved at the same moment, by the write itself (its version condition). Without
/// an expected version, a write that lost such a race runs the unit of work again
/// (RetryUnitOfWork), since nothing the person saw was stale.
template <typename Save>
void saveOver(ChangeLogRepository& changes, std::string_view entity, RecordId id,
              std::string_view what, RecordVersion expected, RecordVersion stored, Save save) {
    if (expected.known() && expected.value != stored.value) {
        throw staleRecord(changes, entity, id, what);
    }
    try {
        save();
    } catch (const StaleRecord&) {
        if (!expected.known()) {
            throw RetryUnitOfWork(staleRecord(changes, entity, id, what)); // read again
        }
        throw staleRecord(changes, entity, id, what);
    }
}

inline std::string requirementKey(const Requirement& r) {
    return r.moduleCode + "/" + scopeCode(r.scope) + (r.value.empty() ? "" : "/" + r.value);
}

inline std::string completionKey(const Completion& c) {
    return c.employeeId + "/" + c.moduleCode + "/" + formatIso(c.completedOn);
}

} // namespace ledger
