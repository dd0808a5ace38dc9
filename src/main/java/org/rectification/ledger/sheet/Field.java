package org.rectification.ledger.sheet;

import java.util.List;

/**
 * A column of the task-decomposition sheet, with the header names departments use for it.
 * The job file may add aliases; these are the ones seen in departments' own sheets.
 */
public enum Field {

    TASK_CODE("任务编号", false, "任务编号", "编号", "问题编号"),
    SEQUENCE("序号", false, "序号"),
    CATEGORY("问题类别", false, "问题类别", "问题类型", "方面", "类别", "问题分类"),
    PROBLEM("反馈问题", true, "反馈问题", "巡察反馈问题", "问题描述", "存在问题", "具体问题", "问题清单"),
    MEASURE("整改措施", true, "整改措施", "整改任务", "具体措施", "任务清单"),
    LEADER("责任领导", true, "责任领导", "牵头领导", "分管领导", "包保领导"),
    DEPARTMENT("责任单位", true, "责任单位", "责任部门", "牵头单位", "责任科室"),
    CO_DEPARTMENTS("配合单位", false, "配合单位", "协办单位", "配合部门"),
    OWNER("责任人", true, "责任人", "具体责任人", "责任人员", "经办人"),
    DEADLINE("整改时限", true, "整改时限", "完成时限", "整改期限", "时限要求"),
    STATUS("整改状态", false, "整改状态", "完成情况", "进度状态"),
    PROGRESS("整改进展", false, "整改进展", "进展情况", "整改情况", "落实情况"),
    EVIDENCE("佐证材料", false, "佐证材料", "佐证资料", "证明材料"),
    REMARKS("备注", false, "备注");

    private final String label;

    private final boolean required;

    private final List<String> aliases;

    Field(String label, boolean required, String... aliases) {
        this.label = label;
        this.required = required;
        this.aliases = List.of(aliases);
    }

    /** The standard Chinese header, used in our own workbooks. */
    public String label() {
        return this.label;
    }

    public boolean required() {
        return this.required;
    }

    /** Built-in header names, before normalisation. */
    public List<String> aliases() {
        return this.aliases;
    }

}
