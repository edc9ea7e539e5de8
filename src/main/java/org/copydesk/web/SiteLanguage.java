package org.copydesk.web;

import org.copydesk.language.Language;

/**
 * The site's own language, as the pages made here (the error pages readers meet) need it. The settings that hold
 * it live above this package (site.SiteInfo implements this), so they are asked through this interface.
 */
public interface SiteLanguage {

    Language siteLanguage();
}
