#pragma once
// The scenario's scripted faults and operator actions as a table sorted by time: add, remove,
// retime in place, and jump the playhead to one.

#include "model/scenario.h"

#include <QWidget>

class QLabel;
class QModelIndex;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace widgets {

class FaultList : public QWidget {
    Q_OBJECT
public:
    explicit FaultList(QWidget *parent = nullptr);
    ~FaultList() override;

    void show_scenario(const model::Scenario &s);
    QString selected_fault() const;
    void select_fault(const QString &id);

signals:
    void fault_add_requested(model::FaultKind kind); // the app fills the targets
    void fault_remove_requested(QString id);
    void fault_edit_requested(QString id, QString field, QString json_value);
    void fault_chosen(QString id, model::Ms at); // double-click: move the playhead there

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void remove_selected();
    void choose(QTreeWidgetItem *item);
    void retime(const QModelIndex &index, const QString &text);

    QTreeWidget *tree_ = nullptr;
    QPushButton *add_ = nullptr;
    QPushButton *remove_ = nullptr;
    QLabel *empty_ = nullptr;
};

// Reads a time typed into the list: "12:30", "1:02:03", "750" (seconds), "90s", "2m".
// Returns seconds, or a negative number if the text is none of these.
double parse_minutes_seconds(const QString &text);

} // namespace widgets
