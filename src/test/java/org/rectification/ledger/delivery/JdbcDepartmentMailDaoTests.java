package org.rectification.ledger.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcDepartmentMailDaoTests {

    @Test
    void aLeaderNamedInAVeryLongCellIsKeyedWithinTheIndexAndAlwaysTheSame() {
        String longLeader = "张三、李四、王五".repeat(4000);
        String stored = JdbcDepartmentMailDao.storedKey(longLeader);
        assertThat(stored).startsWith("sha256:").hasSize(7 + 64);
        assertThat(JdbcDepartmentMailDao.storedKey(longLeader)).isEqualTo(stored);
        assertThat(JdbcDepartmentMailDao.storedKey(stored)).isEqualTo(stored);
        assertThat(JdbcDepartmentMailDao.id(MailKind.SUPERVISION, longLeader))
            .isEqualTo(JdbcDepartmentMailDao.id(MailKind.SUPERVISION, stored));
    }

    @Test
    void anOrdinaryKeyIsStoredAsItIs() {
        assertThat(JdbcDepartmentMailDao.storedKey("县民政局")).isEqualTo("县民政局");
        assertThat(JdbcDepartmentMailDao.storedKey("submission:42")).isEqualTo("submission:42");
    }

}
