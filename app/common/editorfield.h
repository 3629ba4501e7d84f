#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

/// One field of a record editor: its text as typed (dates as DD/MM/YYYY), the problem found
/// with it, and for a choice the options it offers. Made by an editor from its kind's field
/// spec; a form binds a control to it.
class EditorField : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("an editor makes its fields")
    Q_PROPERTY(QString name READ name CONSTANT)
    Q_PROPERTY(QString label READ label CONSTANT)
    Q_PROPERTY(bool isDate READ isDate CONSTANT)
    Q_PROPERTY(QVariantList choices READ choices CONSTANT)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    EditorField(QString name, QString label, bool isDate, QVariantList choices, QObject* parent);

    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QString label() const { return m_label; }
    [[nodiscard]] bool isDate() const { return m_isDate; }
    [[nodiscard]] QVariantList choices() const { return m_choices; }
    [[nodiscard]] QString text() const { return m_text; }
    void setText(const QString& text);
    [[nodiscard]] QString error() const { return m_error; }
    void setError(const QString& error);
    /// Adds a problem beneath any already shown.
    void addError(const QString& error);

signals:
    void textChanged();
    void errorChanged();

private:
    QString m_name;
    QString m_label;
    bool m_isDate;
    QVariantList m_choices;
    QString m_text;
    QString m_error;
};
