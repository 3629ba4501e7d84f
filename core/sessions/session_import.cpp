#include "sessions/session_import.h"

#include "io/import_rows.h"

#include "audit/change_entries.h"
#include "base/checks.h"
#include "base/validation.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace ledger {

using namespace csvimport;

SessionImport::SessionImport(UnitOfWork& work, SessionService& sessions)
    : m_work(work), m_service(sessions) {
}

ImportSummary SessionImport::run(ImportKind kind, std::string_view fileName, CsvSource& source,
                                 Date today, bool dryRun, std::string_view actor) {
    switch (kind) {
    case ImportKind::Themes:
        return themes(fileName, source, today, dryRun, actor);
    case ImportKind::Sessions:
        return sessions(fileName, source, today, dryRun, actor);
    case ImportKind::BookingActions:
        return bookingActions(fileName, source, today, dryRun, actor);
    default:
        throw std::logic_error("not an import of the sessions feature");
    }
}

ImportSummary SessionImport::themes(std::string_view fileName, CsvSource& source, Date today,
                                    bool dryRun, std::string_view actor) {
    ImportSummary summary;
    const auto work = [&] {
        summary = {};
        Store& store = m_work.store();
        ImportRows rows(ImportKind::Themes, std::string(fileName), source);
        Problems problems(std::string(fileName), importColumns(ImportKind::Themes));
        const ValidationContext context = storedContext(store.staff(), store.training(), today);
        std::vector<std::pair<int, AuditTheme>> themes;
        std::unordered_set<std::string> keys;
        CsvRecord record;
        while (rows.next(record)) {
            problems.take(rows.errors()); // the CSV's and the characters' first
            const Row row(record, rows.columns());
            const int line = row.line();
            AuditTheme t;
            t.key = row["key"];
            if (keyProblem(t.key)) {
                problems.add(line, "key", "not a valid key");
            } else if (!keys.insert(t.key).second) {
                problems.add(line, "key", "repeated key");
            }
            t.title = row["title"];
            checkTitle(problems, line, "title", t.title);
            t.description = row["description"];
            checkLongText(problems, line, "description", t.description);
            if (const auto code = parseThemeSource(row["source"])) {
                t.source = *code;
            } else {
                problems.add(line, "source", "not a source");
            }
            if (const auto raised = parseIsoDate(row["raised_on"]);
                raised && !dateProblem(*raised)) {
                t.raisedOn = *raised;
                if (today < t.raisedOn) {
                    problems.add(line, "raised_on", "after today");
                }
            } else {
                problems.add(line, "raised_on", "not a date");
            }
            if (const auto priority = parseThemePriority(row["priority"])) {
                t.priority = *priority;
            } else {
                problems.add(line, "priority", "not a priority");
            }
            if (const auto status = parseThemeStatus(row["status"])) {
                t.status = *status;
            } else {
                problems.add(line, "status", "not a status");
            }
            t.ownerId = row["owner_id"];
            if (!t.ownerId.empty() && !context.hasEmployee(t.ownerId)) {
                problems.add(line, "owner_id", "unknown employee");
            }
            t.moduleCodes = splitList(row["modules"]);
            checkList(
                problems, line, "modules", t.moduleCodes,
                [&](const std::string& code) { return context.hasModule(code); }, "module");
            themes.emplace_back(line, std::move(t));
        }
        problems.take(rows.errors());
        problems.throwIfAny();
        summary.notices = rows.notices();

        std::unordered_map<std::string, AuditTheme> stored;
        for (AuditTheme& t : store.themes().auditThemes()) {
            stored.emplace(t.key, std::move(t));
        }
        for (auto& [line, t] : themes) {
            std::sort(t.moduleCodes.begin(), t.moduleCodes.end());
            const auto found = stored.find(t.key);
            if (found != stored.end()) {
                t.id = found->second.id;
                if (t == found->second) {
                    ++summary.unchanged;
                    continue;
                }
                ++summary.updated;
            } else {
                ++summary.added;
            }
            if (dryRun) {
                continue;
            }
            const AuditTheme* before = found != stored.end() ? &found->second : nullptr;
            const RecordId id = store.themes().putAuditTheme(t);
            t.id = id;
            logged(store.changeLog(), "audit_theme", id,
                   changeEntry(actor, "audit_theme", t.key, before, t), before == nullptr);
            m_work.changed(LedgerChange::Kind::Themes);
        }
        if (!dryRun) {
            store.changeLog().append(importEntry(actor, fileName, "themes", summary));
        }
    };
    m_work.run(work);
    return summary;
}

ImportSummary SessionImport::sessions(std::string_view fileName, CsvSource& source, Date today,
                                      bool dryRun, std::string_view actor) {
    ImportSummary summary;
    const auto work = [&] {
        summary = {};
        Store& store = m_work.store();
        ImportRows rows(ImportKind::Sessions, std::string(fileName), source);
        Problems problems(std::string(fileName), importColumns(ImportKind::Sessions));
        const ValidationContext base = storedContext(store.staff(), store.training(), today);
        const SessionContext context = m_service.context(base);
        std::vector<std::pair<int, LearningSession>> sessions;
        std::unordered_map<std::string, int> keyLines; // every key, generated ones included
        const auto claimKey = [&](int line, const std::string& key) {
            const auto [at, fresh] = keyLines.emplace(key, line);
            if (!fresh) {
                problems.add(line, "key",
                             "key " + key + " repeated (line " + std::to_string(at->second) + ")");
            }
            return fresh;
        };
        CsvRecord record;
        while (rows.next(record)) {
            problems.take(rows.errors()); // the CSV's and the characters' first
            const Row row(record, rows.columns());
            const int line = row.line();
            LearningSession s;
            s.key = row["key"];
            const bool keyOk = !keyProblem(s.key);
            if (!keyOk) {
                problems.add(line, "key", "not a valid key");
            }
            if (const auto kind = parseSessionKind(row["kind"])) {
                s.kind = *kind;
            } else {
                problems.add(line, "kind", "not a kind");
            }
            s.title = row["title"];
            checkTitle(problems, line, "title", s.title);
            s.startsAt = row["starts_at"];
            s.endsAt = row["ends_at"];
            const auto startProblem = dateTimeProblem(s.startsAt);
            const auto endProblem = dateTimeProblem(s.endsAt);
            if (startProblem) {
                problems.add(line, "starts_at", *startProblem);
            }
            if (endProblem) {
                problems.add(line, "ends_at", *endProblem);
            }
            if (!startProblem && !endProblem && !(s.startsAt < s.endsAt)) {
                problems.add(line, "ends_at", "not after starts_at");
            }
            s.facilitatorId = row["facilitator_id"];
            if (!s.facilitatorId.empty() && !base.hasEmployee(s.facilitatorId)) {
                problems.add(line, "facilitator_id", "unknown employee");
            }
            s.speaker = row["speaker"];
            checkLongText(problems, line, "speaker", s.speaker);
            s.organisation = row["organisation"];
            checkLongText(problems, line, "organisation", s.organisation);
            if (const std::string& capacity = row["capacity"]; !capacity.empty()) {
                s.capacity = digitsIn(capacity, 1, kMaxCapacity);
                if (!s.capacity) {
                    problems.add(line, "capacity", "not 1..1000");
                }
            }
            s.teams = splitList(row["teams"]);
            checkList(
                problems, line, "teams", s.teams,
                [&](const std::string& n) { return context.hasTeam(n); }, "team");
            s.roles = splitList(row["roles"]);
            checkList(
                problems, line, "roles", s.roles,
                [&](const std::string& n) { return context.hasRole(n); }, "role");
            s.themes = splitList(row["themes"]);
            checkList(
                problems, line, "themes", s.themes,
                [&](const std::string& k) { return context.hasTheme(k); }, "theme");
            s.moduleCode = row["module"];
            if (!s.moduleCode.empty() && !base.hasModule(s.moduleCode)) {
                problems.add(line, "module", "unknown module");
            }

            // The series (section 5).
            SeriesRule rule;
            bool ruleOk = true;
            const auto repeat = parseRepeat(row["repeat"]);
            if (!repeat) {
                problems.add(line, "repeat", "not a repeat");
                ruleOk = false;
            } else {
                rule.repeat = *repeat;
            }
            const std::string& nth = row["nth"];
            const std::string& count = row["count"];
            const std::string& until = row["until"];
            if (ruleOk && !nth.empty()) {
                rule.nth = parseWeekOfMonth(nth);
                if (rule.repeat != Repeat::MonthlyWeekday) {
                    problems.add(line, "nth", "only with monthly_weekday");
                    ruleOk = false;
                } else if (!rule.nth) {
                    problems.add(line, "nth", "not 1, 2, 3, 4 or last");
                    ruleOk = false;
                }
            } else if (ruleOk && rule.repeat == Repeat::MonthlyWeekday) {
                problems.add(line, "nth", "required with monthly_weekday");
                ruleOk = false;
            }
            if (ruleOk && rule.repeat == Repeat::None && (!count.empty() || !until.empty())) {
                problems.add(line, count.empty() ? "until" : "count", "only with a repeat");
                ruleOk = false;
            } else if (ruleOk && rule.repeat != Repeat::None && count.empty() == until.empty()) {
                problems.add(line, "count", "exactly one of count, until with a repeat");
                ruleOk = false;
            }
            if (ruleOk && !count.empty()) {
                rule.count = digitsIn(count, 1, kMostOccurrences);
                if (!rule.count) {
                    problems.add(line, "count", "not 1..260");
                    ruleOk = false;
                }
            }
            if (ruleOk && !until.empty()) {
                rule.until = parseIsoDate(until);
                if (!rule.until) {
                    problems.add(line, "until", "not a date");
                    ruleOk = false;
                } else if (!startProblem && *rule.until < *dateOf(s.startsAt)) {
                    problems.add(line, "until", "before the first date");
                    ruleOk = false;
                }
            }
            if (rule.repeat == Repeat::None || !ruleOk) {
                if (keyOk) {
                    claimKey(line, s.key);
                }
                if (problems.countOn(line) == 0) {
                    sessions.emplace_back(line, std::move(s));
                }
                continue;
            }
            if (startProblem || endProblem) {
                continue;
            }
            if (dateOf(s.endsAt) != dateOf(s.startsAt)) {
                problems.add(line, "ends_at", "not on the first date of the series");
                continue;
            }
            std::vector<Occurrence> occurrences;
            try {
                occurrences = seriesOccurrences(s.key, s.startsAt, s.endsAt, rule);
            } catch (const ValidationError& e) {
                for (const FieldError& f : e.errors()) {
                    problems.add(line, f.field, f.message);
                }
                continue;
            }
            for (const Occurrence& o : occurrences) {
                if (o.key.size() > kMaxKeyLength) {
                    problems.add(line, "key",
                                 "occurrence key " + o.key + " longer than 40 characters");
                    break;
                }
            }
            if (problems.countOn(line) != 0) {
                continue;
            }
            for (const Occurrence& o : occurrences) {
                if (!claimKey(line, o.key)) {
                    break;
                }
                LearningSession occurrence = s;
                occurrence.key = o.key;
                occurrence.startsAt = o.startsAt;
                occurrence.endsAt = o.endsAt;
                sessions.emplace_back(line, std::move(occurrence));
            }
        }
        problems.take(rows.errors());
        problems.throwIfAny();
        summary.notices = rows.notices();

        // The stored sessions by key, read once rather than twice a row (a file's keys are
        // all different, so no row's write changes what another row finds).
        std::unordered_map<std::string, SessionWithBookings> storedByKey;
        if (!sessions.empty()) {
            for (SessionWithBookings& w : m_service.all()) {
                std::string key = w.session.key;
                storedByKey.emplace(std::move(key), std::move(w));
            }
        }
        for (auto& [line, s] : sessions) {
            std::sort(s.teams.begin(), s.teams.end());
            std::sort(s.roles.begin(), s.roles.end());
            std::sort(s.themes.begin(), s.themes.end());
            const auto found = storedByKey.find(s.key);
            const SessionWithBookings* stored =
                found != storedByKey.end() ? &found->second : nullptr;
            if (stored) {
                s.id = stored->session.id;
                if (s == stored->session) {
                    ++summary.unchanged;
                    continue;
                }
                try {
                    m_service.checkEdit(*stored, s);
                } catch (ValidationError& e) {
                    for (FieldError f : e.errors()) {
                        f.file = std::string(fileName);
                        f.line = line;
                        problems.add(f.line, f.field, f.message);
                    }
                    continue;
                }
                ++summary.updated;
            } else {
                ++summary.added;
            }
            if (!dryRun) {
                m_service.put(s, stored ? std::optional(stored->session) : std::nullopt, actor);
            }
        }
        problems.throwIfAny();
        if (!dryRun) {
            store.changeLog().append(importEntry(actor, fileName, "sessions", summary));
        }
    };
    m_work.run(work);
    return summary;
}

ImportSummary SessionImport::bookingActions(std::string_view fileName, CsvSource& source,
                                            Date today, bool dryRun, std::string_view actor) {
    ImportSummary summary;
    const auto work = [&] {
        summary = {};
        Store& store = m_work.store();
        ImportRows rows(ImportKind::BookingActions, std::string(fileName), source);
        Problems problems(std::string(fileName), importColumns(ImportKind::BookingActions));
        const ValidationContext base = storedContext(store.staff(), store.training(), today);
        struct Log {
            std::optional<SessionWithBookings> stored;
            std::vector<BookingAction> actions;
            std::vector<int> lines;
        };
        std::map<std::string, Log> logs; // by session key
        std::vector<std::string> order;  // sessions in the order the file names them
        CsvRecord record;
        while (rows.next(record)) {
            problems.take(rows.errors()); // the CSV's and the characters' first
            const Row row(record, rows.columns());
            const int line = row.line();
            const std::string& key = row["session"];
            Log* log = nullptr;
            if (const auto found = logs.find(key); found != logs.end()) {
                log = &found->second;
            } else if (!key.empty()) {
                std::optional<SessionWithBookings> stored = m_service.findByKey(key);
                if (stored) {
                    log = &logs[key];
                    log->stored = std::move(stored);
                    order.push_back(key);
                }
            }
            if (!log) {
                problems.add(line, "session", "unknown session");
            }
            BookingAction a;
            a.at = row["at"];
            if (auto problem = dateTimeProblem(a.at)) {
                problems.add(line, "at", *problem);
            } else if (today < *dateOf(a.at)) {
                problems.add(line, "at", "after today");
            }
            const auto kind = parseBookingAction(row["action"]);
            if (!kind) {
                problems.add(line, "action", "not an action");
            } else {
                a.kind = *kind;
            }
            a.employeeId = row["employee_id"];
            if (kind && actionNamesAPerson(*kind)) {
                if (a.employeeId.empty()) {
                    problems.add(line, "employee_id", "required");
                } else if (!base.hasEmployee(a.employeeId)) {
                    problems.add(line, "employee_id", "unknown employee");
                }
            } else if (kind && !a.employeeId.empty()) {
                problems.add(line, "employee_id",
                             "must be empty for " + std::string(bookingActionCode(*kind)));
            }
            const std::string& value = row["value"];
            if (kind == BookingActionKind::SetCapacity) {
                if (!value.empty()) {
                    a.capacity = digitsIn(value, 1, kMaxCapacity);
                    if (!a.capacity) {
                        problems.add(line, "value", "not 1..1000");
                    }
                }
            } else if (kind == BookingActionKind::CancelSession) {
                a.reason = value;
                if (blank(value)) {
                    problems.add(line, "value", "a cancel reason is required");
                } else {
                    checkLongText(problems, line, "value", value);
                }
            } else if (kind && !value.empty()) {
                problems.add(line, "value",
                             "must be empty for " + std::string(bookingActionCode(*kind)));
            }
            if (problems.countOn(line) != 0 || !log) {
                continue; // reported and skipped; the replay goes on without it
            }
            if (!log->actions.empty() && a.at < log->actions.back().at) {
                problems.add(line, "at", "before the previous at " + log->actions.back().at);
                continue;
            }
            log->actions.push_back(std::move(a));
            log->lines.push_back(line);
        }
        problems.take(rows.errors());
        std::vector<RecordId> changed;
        for (const std::string& key : order) {
            Log& log = logs[key];
            const LearningSession& s = log.stored->session;
            const BookingOutcome outcome = replayBookings(s.startsAt, s.capacity, log.actions);
            for (const RefusedAction& r : outcome.refused) {
                problems.add(log.lines[r.index], "action", r.message);
            }
            if (log.actions == log.stored->log) {
                ++summary.unchanged;
                continue;
            }
            ++(log.stored->log.empty() ? summary.added : summary.updated);
            changed.push_back(s.id);
        }
        problems.throwIfAny();
        summary.notices = rows.notices();
        if (dryRun) {
            return;
        }
        const RecordId entry =
            store.changeLog().append(importEntry(actor, fileName, "booking-actions", summary));
        for (const std::string& key : order) {
            Log& log = logs[key];
            if (log.actions != log.stored->log) {
                store.sessions().replaceLog(log.stored->session.id, log.actions, entry);
            }
        }
        // Completions in completions.csv come first; then the sessions' modules.
        m_service.applyDeliveredModules(changed, actor);
        m_work.changed(LedgerChange::Kind::Sessions);
    };
    m_work.run(work);
    return summary;
}

} // namespace ledger
