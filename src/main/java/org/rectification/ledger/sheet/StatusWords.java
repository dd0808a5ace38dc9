package org.rectification.ledger.sheet;

import java.util.HashMap;
import java.util.Map;

/**
 * The status words departments write (已完成, 正在整改, 未启动, 长期坚持 and their variants), compared after {@link TextForms#key}.
 */
public final class StatusWords {

    private static final Map<String, TaskStatus> WORDS = new HashMap<>();

    static {
        for (String word : new String[] { "已完成", "已整改", "完成", "已销号" }) {
            WORDS.put(word, TaskStatus.COMPLETED);
        }
        for (String word : new String[] { "正在整改", "整改中", "推进中", "持续推进", "部分完成" }) {
            WORDS.put(word, TaskStatus.IN_PROGRESS);
        }
        for (String word : new String[] { "未启动", "未开始" }) {
            WORDS.put(word, TaskStatus.NOT_STARTED);
        }
        WORDS.put("长期坚持", TaskStatus.ONGOING);
    }

    private StatusWords() {
    }

    /** The status a word means, or null when empty or not a known status word. */
    public static TaskStatus parse(String text) {
        String key = TextForms.key(text);
        while (!key.isEmpty() && "。.，,；;！!".indexOf(key.charAt(key.length() - 1)) >= 0) {
            key = key.substring(0, key.length() - 1);
        }
        return WORDS.get(key);
    }

}
