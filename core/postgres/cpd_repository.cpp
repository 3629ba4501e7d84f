#include "postgres/repositories.h"

#include "base/error.h"
#include "base/hex.h"
#include "postgres/spec_params.h"

#include <unordered_map>

// CPD entries, their theme links and the files attached to entries and completions, on a
// server. Who sees and writes what is row-level security's (schema.h, step 4): every read
// here returns what the account may see, and a write it may not make is refused by the
// server or touches nothing. A file's bytes travel as hex (text parameters end at a 0x00).

namespace ledger::pg {

namespace {

// An entry's Storage::Column fields (spec_columns.h), bound from $1; the person, the hours,
// the source and the theme links are written by hand around them.
const SpecParams<CpdEntry>& entryColumns() {
    static const SpecParams<CpdEntry> kColumns(cpdSpec(), 1);
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

Attachment readAttachment(const Result& r, int i) {
    Attachment a;
    a.id = r.int64(i, 0);
    a.name = r.text(i, 1);
    a.mediaType = r.text(i, 2);
    a.size = r.int64(i, 3);
    a.sha256 = r.text(i, 4);
    if (!r.isNull(i, 5)) {
        a.owner = AttachmentOwner::CpdEntry;
        a.ownerId = r.int64(i, 5);
    } else {
        a.owner = AttachmentOwner::Completion;
        a.ownerId = r.int64(i, 6);
    }
    return a;
}

/// A new id from `table`'s identity, taken before the insert: an INSERT ... RETURNING would
/// need the new row readable, and a lead may write an entry (a draft) they may not read.
RecordId nextId(Session& session, const char* table) {
    const Result r = session.run(std::string("SELECT nextval(pg_get_serial_sequence('ledger.") +
                                 table + "', 'id'))");
    return r.int64(0, 0);
}

} // namespace

std::vector<CpdEntry> CpdRepo::readEntries(const std::string& where, const Params& params) {
    const Result r =
        m_session.run(selectEntries() + where + " ORDER BY p.employee_id, e.date, e.title", params);
    std::vector<CpdEntry> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    std::unordered_map<RecordId, std::size_t> at;
    for (int i = 0; i < r.rows(); ++i) {
        CpdEntry e;
        e.id = r.int64(i, 0);
        e.version.value = r.int64(i, 1);
        e.employeeId = r.text(i, 2);
        e.hours = r.int64(i, 3);
        if (!r.isNull(i, 4)) {
            e.source = CpdSessionSource{r.text(i, 4)};
        } else if (!r.isNull(i, 5)) {
            e.source = CpdCompletionSource{r.int64(i, 5)};
        }
        entryColumns().read(r, i, 6, e);
        at.emplace(e.id, out.size());
        out.push_back(std::move(e));
    }
    if (out.empty()) {
        return out;
    }
    // The links of the entries read (the policies show only those of visible entries): all
    // of them for a whole read, else by entry.
    const std::string links = "SELECT l.cpd_entry_id, t.key FROM cpd_entry_theme l "
                              "JOIN audit_theme t ON t.id = l.theme_id";
    const Result l =
        out.size() > 50
            ? m_session.run(links)
            : m_session.run(links + " WHERE l.cpd_entry_id = ANY($1::bigint[])", {[&] {
                                std::string ids = "{";
                                for (const CpdEntry& e : out) {
                                    ids += (ids.size() > 1 ? "," : "") + std::to_string(e.id);
                                }
                                return ids + "}";
                            }()});
    for (int i = 0; i < l.rows(); ++i) {
        if (const auto found = at.find(l.int64(i, 0)); found != at.end()) {
            out[found->second].themes.insert(l.text(i, 1));
        }
    }
    return out;
}

std::vector<CpdEntry> CpdRepo::entries() {
    return readEntries("", {});
}

std::vector<CpdEntry> CpdRepo::entriesOf(std::string_view employeeId) {
    return readEntries(" WHERE p.employee_id = $1", {param(employeeId)});
}

std::optional<CpdEntry> CpdRepo::entry(RecordId id) {
    auto found = readEntries(" WHERE e.id = $1", {param(id)});
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

std::optional<CpdEntry> CpdRepo::entryByKey(std::string_view employeeId, Date date,
                                            std::string_view title) {
    auto found = readEntries(" WHERE p.employee_id = $1 AND e.date = $2::date AND e.title = $3",
                             {param(employeeId), formatIso(date), param(title)});
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

RecordId CpdRepo::putEntry(const CpdEntry& e) {
    const SpecParams<CpdEntry>& columns = entryColumns();
    const auto staffId =
        m_session.lookup("SELECT id FROM staff WHERE employee_id = $1", e.employeeId);
    if (!staffId) {
        throw ValidationError(
            {FieldError{{}, 0, "employee_id", "no staff member has employee id " + e.employeeId}});
    }
    std::optional<std::string> sessionId;
    std::optional<std::string> completionId;
    if (e.source) {
        if (const auto* s = std::get_if<CpdSessionSource>(&*e.source)) {
            const auto found =
                m_session.lookup("SELECT id FROM session WHERE key = $1", s->sessionKey);
            if (!found) {
                throw ValidationError({FieldError{{}, 0, "source", "no session " + s->sessionKey}});
            }
            sessionId = param(*found);
        } else {
            const RecordId c = std::get<CpdCompletionSource>(*e.source).completionId;
            if (m_session.run("SELECT 1 FROM completion WHERE id = $1", {param(c)}).rows() == 0) {
                throw ValidationError({FieldError{{}, 0, "source", "no such completion"}});
            }
            completionId = param(c);
        }
    }
    // Parameters after the spec's columns: staff, hours, session, completion, then the id
    // and, for an update, the version known.
    const int n = columns.next();
    const auto p = [n](int offset, const char* type) {
        return "$" + std::to_string(n + offset) + type;
    };
    static const std::string kInsert =
        "INSERT INTO cpd_entry (" + columns.names() +
        ", staff_id, hours, source_session_id, source_completion_id, id) VALUES (" +
        columns.parameters() + ", " + p(0, "::bigint") + ", " + p(1, "::integer") + ", " +
        p(2, "::bigint") + ", " + p(3, "::bigint") + ", " + p(4, "::bigint") + ")";
    static const std::string kUpdate =
        "UPDATE cpd_entry SET " + columns.assignments(Fields::Changeable) +
        ", staff_id = " + p(0, "::bigint") + ", hours = " + p(1, "::integer") +
        ", source_session_id = " + p(2, "::bigint") +
        ", source_completion_id = " + p(3, "::bigint") +
        ", version = version + 1 WHERE id = " + p(4, "::bigint") + versionCondition(n + 5);
    Params params;
    columns.bind(params, e);
    params.resize(static_cast<std::size_t>(n - 1));
    RecordId id = e.id == 0 ? nextId(m_session, "cpd_entry") : e.id;
    params.push_back(param(*staffId));
    params.push_back(std::to_string(e.hours));
    params.push_back(sessionId);
    params.push_back(completionId);
    params.push_back(param(id));
    if (e.id != 0) {
        params.push_back(param(e.version.value));
    }
    const Result r = m_session.run(e.id == 0 ? kInsert : kUpdate, params);
    if (e.id != 0 && r.affectedRows() == 0) {
        if (m_session.run("SELECT 1 FROM cpd_entry WHERE id = $1", {param(id)}).rows() == 0) {
            throw Conflict("the CPD entry was removed meanwhile");
        }
        throw StaleRecord("this CPD entry was saved by someone else meanwhile", "", "");
    }
    m_session.run("DELETE FROM cpd_entry_theme WHERE cpd_entry_id = $1", {param(id)});
    for (const std::string& key : e.themes) {
        if (m_session
                .run("INSERT INTO cpd_entry_theme (cpd_entry_id, theme_id) "
                     "SELECT $1, id FROM audit_theme WHERE key = $2",
                     {param(id), key})
                .affectedRows() == 0) {
            throw ValidationError({FieldError{{}, 0, "themes", "no audit theme " + key}});
        }
    }
    return id;
}

void CpdRepo::removeEntry(RecordId id) {
    // Its theme links and evidence go with it (ON DELETE CASCADE).
    m_session.run("DELETE FROM cpd_entry WHERE id = $1", {param(id)});
}

std::vector<Attachment> CpdRepo::attachments(AttachmentOwner owner, RecordId ownerId) {
    const Result r = m_session.run(std::string("SELECT id, name, media_type, size, sha256, "
                                               "cpd_entry_id, completion_id FROM attachment "
                                               "WHERE ") +
                                       ownerColumn(owner) + " = $1 ORDER BY name, id",
                                   {param(ownerId)});
    std::vector<Attachment> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back(readAttachment(r, i));
    }
    return out;
}

RecordId CpdRepo::addAttachment(AttachmentOwner owner, RecordId ownerId, const Attachment& file,
                                std::string_view bytes) {
    const char* table = owner == AttachmentOwner::CpdEntry ? "cpd_entry" : "completion";
    if (m_session.run(std::string("SELECT 1 FROM ") + table + " WHERE id = $1", {param(ownerId)})
            .rows() == 0) {
        throw Conflict(owner == AttachmentOwner::CpdEntry ? "the CPD entry was removed meanwhile"
                                                          : "the completion was removed meanwhile");
    }
    const RecordId id = nextId(m_session, "attachment");
    m_session.run(std::string("INSERT INTO attachment (id, ") + ownerColumn(owner) +
                      ", name, media_type, size, sha256, content) VALUES ($1, $2, $3, $4, "
                      "$5::bigint, $6, decode($7, 'hex'))",
                  {param(id), param(ownerId), file.name, file.mediaType,
                   std::to_string(bytes.size()), file.sha256, toHex(bytes)});
    return id;
}

std::optional<Attachment> CpdRepo::attachment(RecordId id) {
    const Result r = m_session.run("SELECT id, name, media_type, size, sha256, cpd_entry_id, "
                                   "completion_id FROM attachment WHERE id = $1",
                                   {param(id)});
    if (r.rows() == 0) {
        return std::nullopt;
    }
    return readAttachment(r, 0);
}

std::optional<std::string> CpdRepo::attachmentBytes(RecordId id) {
    const Result r =
        m_session.run("SELECT encode(content, 'hex') FROM attachment WHERE id = $1", {param(id)});
    if (r.rows() == 0) {
        return std::nullopt;
    }
    auto bytes = fromHex(r.view(0, 0));
    if (!bytes) {
        throw StorageError("a file's bytes came back from the server not as hex");
    }
    return bytes;
}

void CpdRepo::removeAttachment(RecordId id) {
    m_session.run("DELETE FROM attachment WHERE id = $1", {param(id)});
}

std::vector<ThemeCpdTouch> CpdRepo::themeCpdTouches() {
    const Result r = m_session.run(
        "SELECT t.key, p.employee_id, e.date FROM cpd_entry_theme l "
        "JOIN cpd_entry e ON e.id = l.cpd_entry_id JOIN audit_theme t ON t.id = l.theme_id "
        "JOIN staff p ON p.id = e.staff_id WHERE e.status = 'final' "
        "ORDER BY t.key, e.date, p.employee_id");
    std::vector<ThemeCpdTouch> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back(
            ThemeCpdTouch{r.text(i, 0), r.text(i, 1), parseIsoDate(r.view(i, 2)).value_or(Date{})});
    }
    return out;
}

} // namespace ledger::pg
