#pragma once

#include "common/recordform.h"

/// Adds, renames or removes a team or a role: just its name. Renaming moves everyone and
/// every rule with it. TeamEditor and RoleEditor are its two kinds.
class NameEditor : public RecordForm {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("use TeamEditor or RoleEditor")
    Q_PROPERTY(bool team READ team CONSTANT)

public:
    NameEditor(bool team, QObject* parent);

    [[nodiscard]] bool team() const { return m_team; }

protected:
    void clear() override {}
    bool read(const QString& key) override;
    Work prepare() override;
    Work removal() override;
    [[nodiscard]] bool removable() const override { return true; }
    [[nodiscard]] QString nameOfRecord() const override;
    /// Renames report the old name as `from` and the new as `to`; the form has one field.
    [[nodiscard]] QString fieldFor(const QString& reported) const override;

private:
    bool m_team;
    EditorField* m_name;
};

class TeamEditor : public NameEditor {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit TeamEditor(QObject* parent = nullptr) : NameEditor(true, parent) {}
};

class RoleEditor : public NameEditor {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit RoleEditor(QObject* parent = nullptr) : NameEditor(false, parent) {}
};
