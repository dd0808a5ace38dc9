package org.rectification.ledger.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Nothing here for this account: an id that does not exist and an id of another department's data answer
 * the same, so trying ids tells a clerk nothing.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotFound extends RuntimeException {

    NotFound() {
        super(null, null, false, false);
    }

}
