package org.rectification.ledger.sheet;

/**
 * The four states a rectification task can be in.
 */
public enum TaskStatus {

    COMPLETED("已完成"),
    IN_PROGRESS("正在整改"),
    NOT_STARTED("未启动"),
    ONGOING("长期坚持");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }

}
