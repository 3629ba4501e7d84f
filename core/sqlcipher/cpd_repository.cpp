#include "sqlcipher/repositories.h"

#include "base/error.h"
#include "sqlcipher/spec_columns.h"
#include "sqlcipher/sqlite_util.h"

#include <unordered_map>

// CPD entries, their theme links and the files attached to entries and completions, in the
// ledger file.

namespace ledger {

using sql::Fields;
using sql::SpecColumns;
using sql::Statement;

namespace {

// An entry's Storage::Column fields (spec_columns.h), bound from ?1; the person, the hours,
// the source and the theme links are written by hand around them.
const SpecColumns<CpdEntry>& entryColumns() {
    static const SpecColumns<CpdEntry> kColumns(cpdSpec(), 1);
    return kColumns;
}

const std::string& selectEntries() {
    static const std::string kText =
        "SELECT e.id, e.version, p.employee_id, e.hours, ss.key, e.source_completion_id, " +
        entryColumns().names("e.") +
        " FROM cpd_entry e JOIN staff p ON p.id = e.staff_id "
        "LEFT JOIN session ss ON ss.id = e.source_session_id";
    return kText;
}

const char* ownerColumn(AttachmentOwner owner) {
    return owner == AttachmentOwner::CpdEntry ? "cpd_entry_id" : "completion_id";
}

Attachment readAttachment(const Statement& st) {
    Attachment a;
    a.id = st.integer(0);
    a.name = st.text(1);
    a.mediaType = st.text(2);
    a.size = st.integer(3);
    a.sha256 = st.text(4);
    if (const auto entry = st.optionalInteger(5)) {
        a.owner = AttachmentOwner::CpdEntry;
        a.ownerId = *entry;
    } else {
        a.owner = AttachmentOwner::Completion;
        a.ownerId = st.optionalInteger(6).value_or(0);
    }
    return a;
}

} // namespace

std::vector<CpdEntry> SqlCipherCpdRepository::readEntries(const std::string& where,
                                                          const Binder& bind) {
    Statement st(m_conn.db(), selectEntries() + where + " ORDER BY p.employee_id, e.date, e.title");
    if (bind) {
        bind(st);
    }
    std::vector<CpdEntry> out;
    std::unordered_map<RecordId, std::size_t> at;
    while (st.step()) {
        CpdEntry e;
        e.id = st.integer(0);
        e.version.value = st.integer(1);
        e.employeeId = st.text(2);
        e.hours = st.integer(3);
        if (!st.isNull(4)) {
            e.source = CpdSessionSource{st.text(4)};
        } else if (const auto completion = st.optionalInteger(5)) {
            e.source = CpdCompletionSource{*completion};
        }
        entryColumns().read(st, 6, e);
        at.emplace(e.id, out.size());
        out.push_back(std::move(e));
    }
    if (out.empty()) {
        return out;
    }
    // The theme links of the entries read: all of them for a whole read, else by entry.
    const std::string links =
        "SELECT l.cpd_entry_id, t.key FROM cpd_entry_theme l JOIN audit_theme t ON t.id = "
        "l.theme_id";
    if (out.size() > 50) {
        Statement l(m_conn.db(), links);
        while (l.step()) {
            if (const auto found = at.find(l.integer(0)); found != at.end()) {
                out[found->second].themes.insert(l.text(1));
            }
        }
    } else {
        Statement l(m_conn.db(), links + " WHERE l.cpd_entry_id = ?1");
        for (CpdEntry& e : out) {
            l.bind(1, e.id);
            while (l.step()) {
                e.themes.insert(l.text(1));
            }
            l.reset();
        }
    }
    return out;
}

std::vector<CpdEntry> SqlCipherCpdRepository::entries() {
    return readEntries("", nullptr);
}

std::vector<CpdEntry> SqlCipherCpdRepository::entriesOf(std::string_view employeeId) {
    return readEntries(" WHERE p.employee_id = ?1", [&](Statement& st) { st.bind(1, employeeId); });
}

std::optional<CpdEntry> SqlCipherCpdRepository::entry(RecordId id) {
    auto found = readEntries(" WHERE e.id = ?1", [&](Statement& st) { st.bind(1, id); });
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

std::optional<CpdEntry> SqlCipherCpdRepository::entryByKey(std::string_view employeeId, Date date,
                                                           std::string_view title) {
    const std::string day = formatIso(date);
    auto found =
        readEntries(" WHERE p.employee_id = ?1 AND e.date = ?2 AND e.title = ?3",
                    [&](Statement& st) { st.bind(1, employeeId).bind(2, day).bind(3, title); });
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

RecordId SqlCipherCpdRepository::putEntry(const CpdEntry& e) {
    const SpecColumns<CpdEntry>& columns = entryColumns();
    const auto staffId = m_conn.lookup("SELECT id FROM staff WHERE employee_id = ?1", e.employeeId);
    if (!staffId) {
        throw ValidationError(
            {FieldError{{}, 0, "employee_id", "no staff member has employee id " + e.employeeId}});
    }
    std::optional<RecordId> sessionId;
    std::optional<RecordId> completionId;
    if (e.source) {
        if (const auto* s = std::get_if<CpdSessionSource>(&*e.source)) {
            sessionId = m_conn.lookup("SELECT id FROM session WHERE key = ?1", s->sessionKey);
            if (!sessionId) {
                throw ValidationError({FieldError{{}, 0, "source", "no session " + s->sessionKey}});
            }
        } else {
            const RecordId c = std::get<CpdCompletionSource>(*e.source).completionId;
            completionId = m_conn.lookup("SELECT id FROM completion WHERE id = ?1", c);
            if (!completionId) {
                throw ValidationError({FieldError{{}, 0, "source", "no such completion"}});
            }
        }
    }
    // Parameters after the spec's columns: staff, hours, session, completion, then for an
    // update the id and the version known.
    const int n = columns.next();
    const auto p = [n](int offset) {
        return "?" + std::to_string(n + offset);
    };
    static const std::string kInsert =
        "INSERT INTO cpd_entry (" + columns.names() +
        ", staff_id, hours, source_session_id, source_completion_id) VALUES (" +
        columns.parameters() + ", " + p(0) + ", " + p(1) + ", " + p(2) + ", " + p(3) + ")";
    static const std::string kUpdate =
        "UPDATE cpd_entry SET " + columns.assignments(Fields::Changeable) + ", staff_id = " + p(0) +
        ", hours = " + p(1) + ", source_session_id = " + p(2) + ", source_completion_id = " + p(3) +
        ", version = version + 1 WHERE id = " + p(4) + " AND (" + p(5) +
        " = 0 OR version = " + p(5) + ")";
    RecordId id = e.id;
    {
        Statement st(m_conn.db(), id == 0 ? kInsert : kUpdate);
        columns.bind(st, e);
        st.bind(n, *staffId).bind(n + 1, e.hours).bind(n + 2, sessionId).bind(n + 3, completionId);
        if (id != 0) {
            st.bind(n + 4, id).bind(n + 5, e.version.value);
        }
        st.run();
        if (id == 0) {
            id = m_conn.lastInsertId();
        } else if (m_conn.changes() == 0) {
            if (!m_conn.lookup("SELECT id FROM cpd_entry WHERE id = ?1", id)) {
                throw Conflict("the CPD entry was removed meanwhile");
            }
            throw StaleRecord("this CPD entry was saved by someone else meanwhile", "", "");
        }
    }
    Statement clear(m_conn.db(), "DELETE FROM cpd_entry_theme WHERE cpd_entry_id = ?1");
    clear.bind(1, id).run();
    Statement link(m_conn.db(), "INSERT INTO cpd_entry_theme (cpd_entry_id, theme_id) "
                                "SELECT ?1, id FROM audit_theme WHERE key = ?2");
    for (const std::string& key : e.themes) {
        link.bind(1, id).bind(2, key);
        link.step();
        if (m_conn.changes() == 0) {
            throw ValidationError({FieldError{{}, 0, "themes", "no audit theme " + key}});
        }
        link.reset();
    }
    return id;
}

void SqlCipherCpdRepository::removeEntry(RecordId id) {
    // Its theme links and evidence go with it (ON DELETE CASCADE).
    m_conn.statement("DELETE FROM cpd_entry WHERE id = ?1")->bind(1, id).run();
}

std::vector<Attachment> SqlCipherCpdRepository::attachments(AttachmentOwner owner,
                                                            RecordId ownerId) {
    Statement st(
        m_conn.db(),
        std::string("SELECT id, name, media_type, size, sha256, cpd_entry_id, completion_id FROM "
                    "attachment WHERE ") +
            ownerColumn(owner) + " = ?1 ORDER BY name, id");
    st.bind(1, ownerId);
    std::vector<Attachment> out;
    while (st.step()) {
        out.push_back(readAttachment(st));
    }
    return out;
}

RecordId SqlCipherCpdRepository::addAttachment(AttachmentOwner owner, RecordId ownerId,
                                               const Attachment& file, std::string_view bytes) {
    const char* table = owner == AttachmentOwner::CpdEntry ? "cpd_entry" : "completion";
    if (!m_conn.lookup((std::string("SELECT id FROM ") + table + " WHERE id = ?1").c_str(),
                       ownerId)) {
        throw Conflict(owner == AttachmentOwner::CpdEntry ? "the CPD entry was removed meanwhile"
                                                          : "the completion was removed meanwhile");
    }
    Statement st(m_conn.db(), std::string("INSERT INTO attachment (") + ownerColumn(owner) +
                                  ", name, media_type, size, sha256, content) VALUES (?1, ?2, ?3, "
                                  "?4, ?5, ?6)");
    st.bind(1, ownerId)
        .bind(2, file.name)
        .bind(3, file.mediaType)
        .bind(4, static_cast<std::int64_t>(bytes.size()))
        .bind(5, file.sha256)
        .bindBlob(6, bytes);
    st.run();
    return m_conn.lastInsertId();
}

std::optional<Attachment> SqlCipherCpdRepository::attachment(RecordId id) {
    Statement st(m_conn.db(), "SELECT id, name, media_type, size, sha256, cpd_entry_id, "
                              "completion_id FROM attachment WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) {
        return std::nullopt;
    }
    return readAttachment(st);
}

std::optional<std::string> SqlCipherCpdRepository::attachmentBytes(RecordId id) {
    Statement st(m_conn.db(), "SELECT content FROM attachment WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) {
        return std::nullopt;
    }
    return st.blob(0);
}

void SqlCipherCpdRepository::removeAttachment(RecordId id) {
    m_conn.statement("DELETE FROM attachment WHERE id = ?1")->bind(1, id).run();
}

std::vector<ThemeCpdTouch> SqlCipherCpdRepository::themeCpdTouches() {
    Statement st(m_conn.db(),
                 "SELECT t.key, p.employee_id, e.date FROM cpd_entry_theme l "
                 "JOIN cpd_entry e ON e.id = l.cpd_entry_id JOIN audit_theme t ON t.id = "
                 "l.theme_id JOIN staff p ON p.id = e.staff_id WHERE e.status = 'final' "
                 "ORDER BY t.key, e.date, p.employee_id");
    std::vector<ThemeCpdTouch> out;
    while (st.step()) {
        out.push_back(
            ThemeCpdTouch{st.text(0), st.text(1), parseIsoDate(st.text(2)).value_or(Date{})});
    }
    return out;
}

} // namespace ledger
