#pragma once

#include "store/unit_of_work.h"
#include "themes/theme.h"

#include <string_view>
#include <vector>

namespace ledger {

/// Audit themes: what case-file audits, complaints and reviews found, and the modules that
/// address each.
class ThemeService {
public:
    explicit ThemeService(UnitOfWork& work);

    /// Saves an audit theme (new when its id is 0) after validating it; returns its id.
    RecordId save(const AuditTheme& theme, Date today, std::string_view actor);
    /// Removes an audit theme (themes are not evidence).
    void remove(RecordId id, std::string_view actor);
    /// Every audit theme, oldest raised first.
    [[nodiscard]] std::vector<AuditTheme> all();

private:
    UnitOfWork& m_work;
    StaffRepository& m_staff;
    TrainingRepository& m_training;
    ThemeRepository& m_themes;
    ChangeLogRepository& m_changes;
};

} // namespace ledger
