#pragma once

#include "common/recordform.h"
#include "common/specfields.h"

#include "training/training.h"

/// Adds, edits or removes a requirement rule. A rule is known by its module, scope and value
/// (joined by convert::kRuleKeySeparator as its key), so those are fixed once it exists.
class RuleEditor : public RecordForm {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit RuleEditor(QObject* parent = nullptr);

protected:
    void clear() override;
    bool read(const QString& key) override;
    Work prepare() override;
    Work removal() override;
    [[nodiscard]] bool removable() const override { return true; }
    [[nodiscard]] QString nameOfRecord() const override;

private:
    /// The stored rule the key names, or nullopt.
    [[nodiscard]] std::optional<ledger::Requirement> stored(const QString& key) const;

    SpecFields<ledger::Requirement> m_fields;
};
