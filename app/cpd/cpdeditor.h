#pragma once

#include "common/recordform.h"
#include "common/specfields.h"

#include "cpd/cpd_entry.h"

#include <optional>

/// Logs a CPD entry, or edits or removes one: the fields Social Work England asks for, the
/// standards and audit themes, draft or final. A new entry may come from a session the person
/// attended (the preset `source_session`: its key), which it keeps.
class CpdEditor : public RecordForm {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString personName READ personName NOTIFY personNameChanged)
    /// "From session FORUM-001" (empty for an entry of their own making).
    Q_PROPERTY(QString sourceText READ sourceText NOTIFY loaded)
    /// The audit themes to choose from: {value: key, label: "KEY – title"}.
    Q_PROPERTY(QVariantList themeChoices READ themeChoices NOTIFY loaded)

public:
    explicit CpdEditor(QObject* parent = nullptr);

    [[nodiscard]] QString personName() const;
    [[nodiscard]] QString sourceText() const;
    [[nodiscard]] QVariantList themeChoices() const;

    /// Whether a `;` list field (standards, themes) holds `item`.
    Q_INVOKABLE bool listHas(const QString& field, const QString& item) const;
    /// Adds `item` to a `;` list field, or takes it out (kept in byte order, as stored).
    Q_INVOKABLE void toggleInList(const QString& field, const QString& item);

signals:
    void personNameChanged();

protected:
    void clear() override;
    bool read(const QString& key) override;
    Work prepare() override;
    Work removal() override;
    [[nodiscard]] bool removable() const override { return true; }
    [[nodiscard]] QString nameOfRecord() const override;
    void applyPreset(const QVariantMap& preset) override;

private:
    SpecFields<ledger::CpdEntry> m_fields;
    std::optional<ledger::CpdSource> m_source;
};
