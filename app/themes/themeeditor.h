#pragma once

#include "common/recordform.h"
#include "common/specfields.h"

#include "themes/theme.h"

/// Adds, edits or removes an audit theme (by its id).
class ThemeEditor : public RecordForm {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit ThemeEditor(QObject* parent = nullptr);

protected:
    void clear() override;
    bool read(const QString& key) override;
    Work prepare() override;
    Work removal() override;
    [[nodiscard]] bool removable() const override { return true; }
    [[nodiscard]] QString nameOfRecord() const override;

private:
    SpecFields<ledger::AuditTheme> m_fields;
};
