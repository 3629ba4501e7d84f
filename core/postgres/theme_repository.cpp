#include "postgres/repositories.h"

#include "postgres/spec_params.h"

// Audit themes and their module links on a server.

namespace ledger::pg {

namespace {

// A theme's Storage::Column fields (store/spec_columns.h), from $1; its module links are a
// table of their own, written by hand.
const SpecParams<AuditTheme>& themeColumns() {
    static const SpecParams<AuditTheme> kColumns(auditThemeSpec(), 1);
    return kColumns;
}

} // namespace

std::vector<AuditTheme> ThemeRepo::auditThemes() {
    static const std::string kText = "SELECT id, version, " + themeColumns().names() +
                                     " FROM audit_theme ORDER BY raised_on, id";
    const Result themes = m_session.run(kText);
    // Every link at once (a council has tens of themes), in theme and module code order.
    const Result links = m_session.run("SELECT l.theme_id, m.code FROM audit_theme_module l "
                                       "JOIN module m ON m.id = l.module_id "
                                       "ORDER BY l.theme_id, m.code");
    std::vector<AuditTheme> out;
    for (int i = 0; i < themes.rows(); ++i) {
        AuditTheme t;
        t.id = themes.int64(i, 0);
        t.version.value = themes.int64(i, 1);
        themeColumns().read(themes, i, 2, t);
        for (int j = 0; j < links.rows(); ++j) {
            if (links.int64(j, 0) == t.id) {
                t.moduleCodes.push_back(links.text(j, 1));
            }
        }
        out.push_back(std::move(t));
    }
    return out;
}

std::optional<AuditTheme> ThemeRepo::auditTheme(RecordId id) {
    for (AuditTheme& theme : auditThemes()) { // a council has tens of themes
        if (theme.id == id) {
            return std::move(theme);
        }
    }
    return std::nullopt;
}

RecordId ThemeRepo::putAuditTheme(const AuditTheme& t) {
    const SpecParams<AuditTheme>& columns = themeColumns();
    static const std::string kInsert = "INSERT INTO audit_theme (" + columns.names() +
                                       ") VALUES (" + columns.parameters() + ") RETURNING id";
    // A known version must still be the stored one (see RecordVersion). The key (the
    // identity, $1) is not changed by an update by id, as in the file; it is still named
    // (returned, unused), since the server must know the type of every parameter it is sent.
    static const std::string kUpdate =
        "UPDATE audit_theme SET " + columns.assignments(Fields::Changeable) +
        ", version = version + 1 WHERE id = $" + std::to_string(columns.next()) +
        versionCondition(columns.next() + 1) + " RETURNING id, $1::text";
    Params params;
    columns.bind(params, t);
    if (t.id != 0) {
        params.push_back(param(t.id));
        params.push_back(param(t.version.value));
    }
    const Result r = m_session.run(t.id == 0 ? kInsert : kUpdate, params);
    if (r.rows() == 0) {
        if (t.version.known() &&
            m_session.run("SELECT 1 FROM audit_theme WHERE id = $1", {param(t.id)}).rows() > 0) {
            throw StaleRecord("this audit theme was saved by someone else meanwhile", "", "");
        }
        throw Conflict("the audit theme was removed meanwhile");
    }
    const RecordId id = r.int64(0, 0);
    m_session.run("DELETE FROM audit_theme_module WHERE theme_id = $1", {param(id)});
    for (const std::string& code : t.moduleCodes) {
        const Result linked = m_session.run("INSERT INTO audit_theme_module (theme_id, module_id) "
                                            "SELECT $1, id FROM module WHERE code = $2",
                                            {param(id), code});
        if (linked.affectedRows() == 0) {
            throw ValidationError({FieldError{{}, 0, "modules", "no module " + code}});
        }
    }
    return id;
}

void ThemeRepo::removeAuditTheme(RecordId id) {
    // Its module links go with it (ON DELETE CASCADE).
    m_session.run("DELETE FROM audit_theme WHERE id = $1", {param(id)});
}

} // namespace ledger::pg
