#include "themes/theme_service.h"

#include "audit/change_entries.h"
#include "base/checks.h"
#include "base/validation.h"
#include "store/unit_of_work.h"
#include "training/catalog_lookup.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ledger {

ThemeService::ThemeService(UnitOfWork& work)
    : m_work(work), m_staff(work.store().staff()), m_training(work.store().training()),
      m_themes(work.store().themes()), m_changes(work.store().changeLog()) {
}

RecordId ThemeService::save(const AuditTheme& theme, Date today, std::string_view actor) {
    RecordId id = 0;
    m_work.run([&] {
        const auto errors = validateAuditTheme(theme, storedContext(m_staff, m_training, today));
        if (!errors.empty()) {
            throw ValidationError(errors);
        }
        std::optional<AuditTheme> before;
        if (theme.id != 0) {
            before = m_themes.auditTheme(theme.id);
            if (!before) {
                throw Conflict("the audit theme was removed meanwhile");
            }
        }
        AuditTheme after = theme;
        const auto save = [&] {
            id = m_themes.putAuditTheme(after);
            after.id = id;
            logged(m_changes, "audit_theme", id,
                   changeEntry(actor, "audit_theme", std::to_string(id),
                               before ? &*before : nullptr, after),
                   !before);
            m_work.changed(LedgerChange::Kind::Themes);
        };
        if (!before) {
            save();
            return;
        }
        after.version = before->version; // the write, too, finds it unchanged since
        saveOver(m_changes, "audit_theme", theme.id, "this audit theme (" + before->title + ")",
                 theme.version, before->version, save);
    });
    return id;
}

void ThemeService::remove(RecordId id, std::string_view actor) {
    m_work.run([&] {
        const auto themes = m_themes.auditThemes();
        const AuditTheme* theme = findIn(themes, [&](const AuditTheme& t) { return t.id == id; });
        if (!theme) {
            throw ValidationError(
                {FieldError{{}, 0, "id", "no audit theme has id " + std::to_string(id)}});
        }
        m_themes.removeAuditTheme(id);
        m_changes.append(logEntry(actor, "audit_theme", std::to_string(id), "remove",
                                  json(fieldsOf(*theme)), ""));
        m_work.changed(LedgerChange::Kind::Themes);
    });
}

std::vector<AuditTheme> ThemeService::all() {
    return m_themes.auditThemes();
}

} // namespace ledger
